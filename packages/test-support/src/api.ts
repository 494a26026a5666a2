/** Sends a GraphQL operation to the server at `url` and returns its data; throws on any error. */
export async function graphql<T = Record<string, unknown>>(
  url: string,
  query: string,
  variables: Record<string, unknown> = {},
  token?: string,
): Promise<T> {
  const response = await fetch(`${url}/graphql`, {
    method: "POST",
    headers: {
      "content-type": "application/json",
      ...(token ? { authorization: `Bearer ${token}` } : {}),
    },
    body: JSON.stringify({ query, variables }),
    signal: AbortSignal.timeout(30_000),
  });
  const body = (await response.json()) as { data?: T; errors?: { message: string }[] };
  if (body.errors?.length || !body.data)
    throw new Error(`GraphQL failed (${response.status}): ${JSON.stringify(body.errors)}`);
  return body.data;
}

/** What opening an invite link gives its participant. */
export interface InviteSession {
  accessToken: string;
  conversationId: string;
  role: string;
}

/** Opens an invite link as its participant would: their access token and conversation. */
export async function joinWithInvite(url: string, inviteUrl: string): Promise<InviteSession> {
  const token = inviteUrl.slice(inviteUrl.lastIndexOf("/join/") + "/join/".length);
  const data = await graphql<{ joinWithInvite: InviteSession }>(
    url,
    "mutation($token: String!) { joinWithInvite(token: $token) { accessToken conversationId role } }",
    { token },
  );
  return data.joinWithInvite;
}
