// The chat client: WebSocket when the page says the server offers it, else server-sent events
// for receiving and POST for sending. A WebSocket that cannot open falls back to SSE too.
(() => {
  const body = document.body;
  const base = body.dataset.base;
  const list = document.getElementById("messages");
  const status = document.getElementById("status");
  let sendMessage = null;

  function show(json) {
    const message = JSON.parse(json);
    if (message.error) { status.textContent = message.error; return; }
    const item = document.createElement("li");
    const who = document.createElement("b");
    who.textContent = message.name;
    item.append(who, ": " + message.text);
    list.append(item);
    item.scrollIntoView({ block: "end" });
  }

  function useEventStream() {
    const events = new EventSource(base + "/events");
    events.onopen = () => { status.textContent = "connected (server-sent events)"; body.dataset.connected = "sse"; };
    events.onmessage = (event) => show(event.data);
    events.onerror = () => { status.textContent = "reconnecting…"; };
    sendMessage = (message) => fetch(base + "/messages", {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify(message),
    });
  }

  function useWebSocket() {
    const scheme = location.protocol === "https:" ? "wss://" : "ws://";
    const socket = new WebSocket(scheme + location.host + base + "/ws");
    let opened = false;
    socket.onopen = () => { opened = true; status.textContent = "connected (WebSocket)"; body.dataset.connected = "websocket"; };
    socket.onmessage = (event) => show(event.data);
    // 1001: the server is shutting down; behind a balancer another instance takes the new socket.
    socket.onclose = (event) => {
      if (!opened) useEventStream();
      else if (event.code === 1001) { status.textContent = "reconnecting…"; setTimeout(useWebSocket, 1000); }
      else status.textContent = "disconnected";
    };
    sendMessage = (message) => socket.send(JSON.stringify(message));
  }

  document.getElementById("send").addEventListener("submit", (event) => {
    event.preventDefault();
    const text = document.getElementById("text");
    sendMessage({ name: document.getElementById("name").value, text: text.value });
    text.value = "";
    text.focus();
  });

  if (body.dataset.transport === "websocket" && "WebSocket" in window) useWebSocket(); else useEventStream();
})();
