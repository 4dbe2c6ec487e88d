/** The BeeCloud REST v2 contract, shared by the upstream client and the sandbox. */
export * from './auth.wire.js';
export * from './bill.wire.js';
export * from './channel-spec.js';
export * from './channel-table.js';
export * from './channels.js';
export * from './dev-app.js';
export * from './endpoints.js';
export * from './offline.wire.js';
export * from './para.js';
export * from './query.wire.js';
export * from './refund.wire.js';
export * from './result-codes.js';
export * from './signature.js';
export * from './webhook.wire.js';
export * from './rules.js';
