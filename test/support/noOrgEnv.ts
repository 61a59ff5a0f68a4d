/** For tests of what a command says before it connects: no org settings of whoever runs the tests. */
const ORG_ENV = ['SF_INSTANCE_URL', 'SF_ACCESS_TOKEN', 'SF_CLIENT_ID', 'SF_CLIENT_SECRET', 'SF_LOGIN_URL'];

/** Clears the SF_* connection variables for the enclosing describe block, and puts them back after it. */
export function withoutOrgEnvironment(): void {
  const saved = ORG_ENV.map((k) => [k, process.env[k]] as const);
  beforeAll(() => ORG_ENV.forEach((k) => delete process.env[k]));
  afterAll(() => saved.forEach(([k, v]) => (v === undefined ? delete process.env[k] : (process.env[k] = v))));
}
