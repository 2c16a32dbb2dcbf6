/**
 * The JSON bodies and WebSocket frames that the server, the agent desktop, the widget's
 * documentation and the tests share.
 *
 * <p>Records use camelCase components; every JSON mapper in the project is configured with the
 * snake_case naming strategy, so {@code sessionId} travels as {@code session_id}. This module
 * depends on {@code jackson-annotations} only, so it works under Jackson 2 and 3 and drags nothing
 * into its clients.
 */
package id.oss.livechat.model;
