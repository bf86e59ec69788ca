// A real OpenID provider on loopback for Quorate's tests (npm `oidc-provider`), with its
// built-in development login and consent pages: any login name and any password sign in, and
// the login name becomes the subject (`sub`).
//
//   OIDC_PORT=9999 OIDC_CLIENT_ID=quorate OIDC_CLIENT_SECRET=secret \
//   OIDC_REDIRECT_URIS="http://127.0.0.1:3000/auth/oidc/test/callback" node oidc/provider.mjs
//
// The port may also be the first argument. Prints `ready <issuer>` once it listens.
// Claims for a login name `alice`: email `alice@example.org` (verified), name `Alice`.
// A login name starting with `unverified-` gets `email_verified: false`; one starting with
// `noemail-` gets no e-mail address at all.
import { generateKeyPairSync } from 'node:crypto';
import Provider from 'oidc-provider';

const port = Number(process.argv[2] ?? process.env.OIDC_PORT);
if (!Number.isInteger(port) || port <= 0) {
  console.error('usage: node provider.mjs PORT (or OIDC_PORT)');
  process.exit(2);
}
const issuer = `http://127.0.0.1:${port}`;
const redirectUris = (process.env.OIDC_REDIRECT_URIS ?? '').split(/\s+/).filter(Boolean);

const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
const signingKey = { ...privateKey.export({ format: 'jwk' }), kid: 'test-rs256', use: 'sig', alg: 'RS256' };

function claimsFor(login) {
  const claims = { sub: login, name: login.charAt(0).toUpperCase() + login.slice(1), preferred_username: login };
  if (!login.startsWith('noemail-')) {
    claims.email = `${login}@example.org`;
    claims.email_verified = !login.startsWith('unverified-');
  }
  return claims;
}

const provider = new Provider(issuer, {
  clients: [
    {
      client_id: process.env.OIDC_CLIENT_ID ?? 'quorate',
      client_secret: process.env.OIDC_CLIENT_SECRET ?? 'quorate-test-secret',
      redirect_uris: redirectUris,
      grant_types: ['authorization_code'],
      response_types: ['code'],
      token_endpoint_auth_method: 'client_secret_basic',
    },
  ],
  jwks: { keys: [signingKey] },
  cookies: { keys: ['quorate-test-cookie-key'] },
  pkce: { required: () => true },
  // Put email and name into the ID token itself (not only the userinfo endpoint).
  conformIdTokenClaims: false,
  claims: {
    openid: ['sub'],
    email: ['email', 'email_verified'],
    profile: ['name', 'preferred_username'],
  },
  features: { devInteractions: { enabled: true } },
  async findAccount(_ctx, id) {
    return { accountId: id, claims: async () => claimsFor(id) };
  },
});

const server = provider.listen(port, '127.0.0.1', () => {
  console.log(`ready ${issuer}`);
});
for (const signal of ['SIGTERM', 'SIGINT']) {
  process.on(signal, () => server.close(() => process.exit(0)));
}
