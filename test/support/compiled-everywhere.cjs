// jest's `compiled` project: test gateways compile every query from its first run (support/gateway.ts).
process.env.TEST_EXECUTOR = 'compiled';
