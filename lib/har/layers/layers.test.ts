/**
 * Each layer codec in both directions: the secret inside goes, the
 * explanation beside it and the bytes around it stay, and what comes out
 * still decodes as the same format.
 */
import { gunzipSync, gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { CompiledRules, Redactor } from '../redactor';
import { DEFAULT_RULES } from '../rules';
import { scrubBase64, scrubSubprotocols, scrubText } from '../text';

const red = () => new Redactor(new CompiledRules(DEFAULT_RULES));
const SECRET = 'Q7vN2kLp9xRt4wYz8mBc3dFg';
const b64 = (s: string | Uint8Array) => Buffer.from(s).toString('base64');
const bytesOf = (s: string) => Buffer.from(s, 'base64');

describe('text layers', () => {
  it('JSON inside a URL-encoded query parameter (persisted GraphQL GET)', () => {
    const vars = JSON.stringify({ input: { resetToken: SECRET, email: 'ana@example.com' } });
    const url = `https://x.example/graphql?operationName=Reset&variables=${encodeURIComponent(vars)}`;
    const out = scrubText(url, red());
    const got = JSON.parse(new URL(out).searchParams.get('variables')!);
    expect(got.input).toEqual({ resetToken: '[REDACTED:token:1]', email: 'ana@example.com' });
    expect(new URL(out).searchParams.get('operationName')).toBe('Reset');
  });

  it('base64url JSON in a JSON value (a cursor)', () => {
    const cursor = Buffer.from(JSON.stringify({ offset: 25, sessionToken: SECRET })).toString(
      'base64url',
    );
    const out = scrubText(JSON.stringify({ after: cursor }), red());
    const inner = JSON.parse(Buffer.from(JSON.parse(out).after, 'base64url').toString());
    expect(inner).toEqual({ offset: 25, sessionToken: '[REDACTED:session:1]' });
  });

  it('.env, INI, properties and YAML: values by name go, other lines keep their bytes', () => {
    const text = `# prod\nNODE_ENV=production\nDB_PASSWORD="${SECRET}"\n[aws]\naws_secret_access_key = ${SECRET}x\nregion = eu-west-1\napp.signing-key : ${SECRET}y\nPASSWORD_MIN_LENGTH=12`;
    const out = scrubText(text, red());
    expect(out).toContain('NODE_ENV=production\nDB_PASSWORD="[REDACTED:password:1]"\n[aws]\n');
    expect(out).toContain('aws_secret_access_key = [REDACTED:');
    expect(out).toContain('region = eu-west-1\napp.signing-key : [REDACTED:api-key:');
    expect(out).toContain('PASSWORD_MIN_LENGTH=12');
    expect(out).not.toContain(SECRET);
  });

  it('SSE: data lines are walked (JSON and base64), event lines stay', () => {
    const text = `event: session\ndata: {"client_secret":{"value":"${SECRET}"},"expires_at":1795000000}\n\nevent: resume\ndata: ${b64(JSON.stringify({ resumeToken: SECRET + 'z' }))}\n\n`;
    const out = scrubText(text, red(), 'text/event-stream');
    expect(out).not.toContain(SECRET);
    expect(out).toContain(
      'event: session\ndata: {"client_secret":{"value":"[REDACTED:secret:1]"},"expires_at":1795000000}',
    );
    const resumed = out.split('\n')[4]!.slice(6);
    expect(Buffer.from(resumed, 'base64').toString()).toBe('{"resumeToken":"[REDACTED:token:1]"}');
  });

  it('multipart: a base64 part and a config-file part', () => {
    const body = `--B\r\nContent-Disposition: form-data; name="a"; filename="s.json"\r\nContent-Transfer-Encoding: base64\r\n\r\n${b64(JSON.stringify({ token: SECRET }))}\r\n--B\r\nContent-Disposition: form-data; name="file"; filename="x.env"\r\n\r\nA=1\r\nAPI_KEY = ${SECRET}q\r\n--B--\r\n`;
    const out = scrubText(body, red(), 'multipart/form-data; boundary=B');
    expect(out).not.toContain(SECRET);
    expect(out).toContain('API_KEY = [REDACTED:api-key:');
  });

  it('XML errors: AWS signature echoes go, the code and message stay', () => {
    const cr = `GET\n/b/k\nX-Amz-Credential=AKIAZ7Q3RT5VXW2YB4NP%2F20261120&X-Amz-Security-Token=${SECRET}\nhost:b.s3.amazonaws.com`;
    const hex = [...Buffer.from(cr)].map((b) => b.toString(16).padStart(2, '0')).join(' ');
    const xml = `<Error><Code>SignatureDoesNotMatch</Code><Message>The request signature we calculated does not match the signature you provided.</Message><SignatureProvided>${SECRET}</SignatureProvided><CanonicalRequest>${cr.replace(/&/g, '&amp;')}</CanonicalRequest><CanonicalRequestBytes>${hex}</CanonicalRequestBytes></Error>`;
    const out = scrubText(xml, red(), 'application/xml');
    expect(out).toContain('<Code>SignatureDoesNotMatch</Code>');
    expect(out).toContain(
      '<Message>The request signature we calculated does not match the signature you provided.</Message>',
    );
    expect(out).toContain('host:b.s3.amazonaws.com');
    expect(out).not.toContain(SECRET);
    expect(out).not.toContain('AKIAZ7Q3RT5VXW2YB4NP');
    const bytes = /<CanonicalRequestBytes>([^<]+)</.exec(out)![1]!;
    const decoded = Buffer.from(bytes.replace(/ /g, ''), 'hex').toString();
    expect(decoded).toMatch(/X-Amz-Security-Token=\[REDACTED:[a-z-]+:\d+\]\nhost:/);
  });

  it('Azure: the quoted MAC signature goes, the explanation stays', () => {
    const msg = `The MAC signature found in the HTTP request '${b64(SECRET)}' is not the same as any computed signature. Make sure the value of Authorization header is formed correctly including the signature.`;
    const out = scrubText(msg, red());
    expect(out).not.toContain(b64(SECRET));
    expect(out).toContain('Make sure the value of Authorization header is formed correctly');
  });

  it('a password-policy message under a secret name is kept; the password beside it is not', () => {
    const json = JSON.stringify({
      errors: { password: ['is too short (minimum is 8 characters)'] },
      passwordPolicy: 'Passwords must be at least 8 characters long.',
      password: SECRET,
    });
    const out = JSON.parse(scrubText(json, red()));
    expect(out.errors.password).toEqual(['is too short (minimum is 8 characters)']);
    expect(out.passwordPolicy).toBe('Passwords must be at least 8 characters long.');
    expect(out.password).toBe('[REDACTED:password:1]');
  });

  it('a passphrase of plain words under a password name still goes', () => {
    const out = JSON.parse(
      scrubText(JSON.stringify({ password: 'correct horse battery staple' }), red()),
    );
    expect(out.password).toBe('[REDACTED:password:1]');
  });
});

describe('WebSocket handshake', () => {
  it('Sec-WebSocket-Protocol: a token after a secret name and a token segment go; protocol names stay', () => {
    const k8s = Buffer.from(`sa-token-${SECRET}`).toString('base64url');
    const out = scrubSubprotocols(
      `base64url.bearer.authorization.k8s.io.${k8s}, v4.channel.k8s.io`,
      red(),
    );
    expect(out).toBe('base64url.bearer.authorization.k8s.io.[REDACTED:token:1], v4.channel.k8s.io');
    expect(scrubSubprotocols(`graphql-transport-ws, access_token, ${SECRET}`, red())).toBe(
      'graphql-transport-ws, access_token, [REDACTED:token:1]',
    );
    expect(scrubSubprotocols('graphql-transport-ws', red())).toBe('graphql-transport-ws');
  });
});

describe('binary layers (base64 bodies and frames)', () => {
  it('gzip: decompressed, scrubbed, recompressed; clean gzip stays byte for byte', () => {
    const dirty = b64(gzipSync(JSON.stringify({ refresh_token: SECRET, expires_in: 3600 })));
    const out = gunzipSync(bytesOf(scrubBase64(dirty, red(), 'application/json'))).toString();
    expect(out).toBe('{"refresh_token":"[REDACTED:token:1]","expires_in":3600}');
    const clean = b64(gzipSync('{"ok":true,"items":[1,2,3]}'));
    expect(scrubBase64(clean, red(), 'application/json')).toBe(clean);
  });

  it('protobuf: a nested string field with a token is rewritten with new lengths', () => {
    const token = `ghp_${SECRET}abcdefghijkl`;
    const inner = Buffer.concat([Buffer.from([0x0a, token.length]), Buffer.from(token)]);
    const msg = Buffer.concat([
      Buffer.from([0x0a, 4]),
      Buffer.from('acct'),
      Buffer.from([0x12, inner.length]),
      inner,
      Buffer.from([0x18, 7]),
    ]);
    const out = bytesOf(scrubBase64(b64(msg), red(), 'application/x-protobuf'));
    const marker = '[REDACTED:github-token:1]';
    expect(out.toString('latin1')).toContain(marker);
    expect(out[0]).toBe(0x0a);
    expect(out.subarray(2, 6).toString()).toBe('acct');
    expect(out[6]).toBe(0x12);
    expect(out[7]).toBe(marker.length + 2);
    expect(out.subarray(-2)).toEqual(Buffer.from([0x18, 7]));
  });

  it('MessagePack and CBOR: values under secret keys go, diagnostics stay, the map stays parseable', () => {
    const str = (s: string, cbor: boolean) =>
      cbor ? [0x78, s.length, ...Buffer.from(s)] : [0xd9, s.length, ...Buffer.from(s)];
    for (const cbor of [false, true]) {
      const map = Buffer.from([
        cbor ? 0xa2 : 0x82,
        ...str('message', cbor),
        ...str('token expired; send a fresh access token', cbor),
        ...str('token', cbor),
        ...str(SECRET, cbor),
      ]);
      const out = bytesOf(scrubBase64(b64(map), red(), 'application/octet-stream'));
      const latin1 = out.toString('latin1');
      expect(latin1).not.toContain(SECRET);
      expect(latin1).toContain('token expired; send a fresh access token');
      const marker = '[REDACTED:token:1]';
      expect(out.subarray(-marker.length).toString()).toBe(marker);
      // A short string now: fixstr (MessagePack) / major type 3 with the length inline (CBOR).
      expect(out[out.length - marker.length - 1]).toBe((cbor ? 0x60 : 0xa0) | marker.length);
    }
  });

  it('unrecognized binary with a secret is replaced whole, and the report says so', () => {
    const blob = Buffer.concat([
      Buffer.from([0xff, 0x00, 0x13]),
      Buffer.from(`"password":"${SECRET}"`),
      Buffer.from([0xfe]),
    ]);
    const r = red();
    const out = bytesOf(scrubBase64(b64(blob), r, 'application/octet-stream')).toString();
    expect(out).toBe('[REDACTED:replaced-layer:1]');
    expect(r.report(0, 0).counts).toMatchObject({ password: 1, 'replaced-layer': 1 });
  });

  it('a random token is not mistaken for a layer', () => {
    const r = red();
    expect(scrubText('Zm9vYmFyYmF6cXV4MTIzNDU2Nzg5MGFi', r)).toBe(
      'Zm9vYmFyYmF6cXV4MTIzNDU2Nzg5MGFi',
    );
    expect(r.total).toBe(0);
  });
});
