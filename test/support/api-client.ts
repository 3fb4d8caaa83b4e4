/** A logged-in HTTP client for the API, keeping the session cookie like a browser does. */
export class ApiClient {
  private cookie = '';

  constructor(readonly baseUrl: string) {}

  async request(method: string, path: string, body?: unknown): Promise<{ status: number; body: any }> {
    const response = await fetch(this.baseUrl + path, {
      method,
      headers: { 'content-type': 'application/json', ...(this.cookie ? { cookie: this.cookie } : {}) },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const setCookie = response.headers.get('set-cookie');
    if (setCookie) this.cookie = setCookie.split(';')[0];
    const text = await response.text();
    return { status: response.status, body: text ? JSON.parse(text) : null };
  }

  get(path: string) {
    return this.request('GET', path);
  }

  post(path: string, body?: unknown) {
    return this.request('POST', path, body ?? {});
  }

  static async login(baseUrl: string, username: string, password = 'demo1234'): Promise<ApiClient> {
    const client = new ApiClient(baseUrl);
    const { status, body } = await client.post('/api/auth/login', { username, password });
    if (status !== 200) throw new Error(`login ${username} failed: ${status} ${JSON.stringify(body)}`);
    return client;
  }
}
