import { createApiKey } from './api-keys.js';
import { SCOPES, isScope } from './principal.js';

/**
 * `npm run create-key -- <id> <scope>...`: prints a new API key (give it to the client, once)
 * and the entry to add to API_KEYS (only the key's SHA-256 is configured).
 */
const [id, ...scopes] = process.argv.slice(2);
if (!id || scopes.length === 0 || !scopes.every(isScope)) {
  console.error(`usage: npm run create-key -- <id> <scope>...   (scopes: ${SCOPES.join(', ')})`);
  process.exit(2);
}
const { key, entry } = createApiKey(id, scopes.filter(isScope));
console.log(`API key (shown once; give it to the client): ${key}`);
console.log(`Add to API_KEYS (a JSON array): ${JSON.stringify(entry)}`);
