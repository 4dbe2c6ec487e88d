import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { loadConfig } from '../../src/config.js';

/**
 * No Docker engine runs here, so the deployment's files are read: the balancer appends the
 * client's address to X-Forwarded-For, and the gateways trust exactly the balancer for it
 * (anonymous rate budgets are per client address).
 */
interface Compose {
  services: Record<
    string,
    { environment?: Record<string, string>; networks?: { default?: { ipv4_address?: string } } }
  >;
}

describe('the compose deployment', () => {
  const compose = parse(readFileSync('compose.yaml', 'utf8')) as Compose;
  const nginx = readFileSync('deploy/nginx.conf', 'utf8');

  it('has nginx append the client to X-Forwarded-For', () => {
    expect(nginx).toMatch(/^\s*proxy_set_header X-Forwarded-For \$proxy_add_x_forwarded_for;$/m);
  });

  it('has every gateway trust the balancer’s fixed address, and only it', () => {
    const balancer = compose.services.balancer!.networks!.default!.ipv4_address;
    expect(balancer).toMatch(/^\d+\.\d+\.\d+\.\d+$/);
    for (const name of ['gateway-a', 'gateway-b']) {
      const environment = compose.services[name]!.environment!;
      expect([name, environment.TRUST_PROXY]).toEqual([name, balancer]);
      expect(loadConfig({ TRUST_PROXY: environment.TRUST_PROXY }).trustProxy).toEqual([balancer]);
    }
  });
});

describe('TRUST_PROXY', () => {
  it('is none by default, and a bad entry stops start-up naming it', () => {
    expect(loadConfig({}).trustProxy).toEqual([]);
    expect(loadConfig({ TRUST_PROXY: '10.0.0.0/8, ::1' }).trustProxy).toEqual(['10.0.0.0/8', '::1']);
    expect(() => loadConfig({ TRUST_PROXY: 'nginx' })).toThrow('TRUST_PROXY: "nginx" is not an address');
  });
});
