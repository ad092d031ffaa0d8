/** The server's default `server.maxRequestSize` ("1MB"), in bytes: the client's default limit. */
export const DEFAULT_MAX_REQUEST_SIZE = 1_048_576;

/** Re-sends of a request after consecutive link losses before it is suspected of causing them. */
export const DEFAULT_MAX_RESENDS = 2;
