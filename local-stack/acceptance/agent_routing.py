import os, sys; sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from common import *
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
received = {"sanxiang": [], "tanzhou": []}
class Robot(BaseHTTPRequestHandler):
    def do_POST(self):
        if self.headers.get("Content-Length"):
            body = self.rfile.read(int(self.headers["Content-Length"])).decode()
        else:
            chunks = b""
            while True:
                size = int(self.rfile.readline().strip(), 16)
                if size == 0:
                    self.rfile.readline(); break
                chunks += self.rfile.read(size); self.rfile.readline()
            body = chunks.decode()
        received[self.path.strip("/")].append((time.time(), body))
        out = b'{"errcode":0,"errmsg":"ok"}'
        self.send_response(200); self.send_header("Content-Type", "application/json"); self.send_header("Content-Length", str(len(out))); self.end_headers(); self.wfile.write(out)
    def log_message(self, *a): pass
srv = ThreadingHTTPServer(("127.0.0.1", 0), Robot); port = srv.server_address[1]
threading.Thread(target=srv.serve_forever, daemon=True).start()
suffix = uuid.uuid4().hex[:6]
def agent(name, town, key):
    s, h, b = req("POST", "/api/notify/agents", {"name": name, "mobile": "1391234%04d" % (hash(name) % 10000), "towns": [town],
        "propertyTypes": ["FACTORY", "WAREHOUSE"], "intents": ["LEASE", "BUY"], "wecomWebhook": f"http://127.0.0.1:{port}/{key}", "weight": 1}, ADMIN)
    print("create", name, s, {k: v for k, v in json.loads(b).items() if k in ("id", "towns", "token", "wecomWebhook")})
    return json.loads(b)
a1 = agent("三乡专员-" + suffix, "三乡镇", "sanxiang"); a2 = agent("坦洲专员-" + suffix, "坦洲镇", "tanzhou")
s, _, b = req("POST", "/api/notify/agents", {"name": "evil", "towns": ["三乡镇"], "wecomWebhook": "http://169.254.169.254/latest"}, ADMIN)
print("webhook to a non-allowed host:", s, b[:160])
phone = "1361111%04d" % (int(time.time()) % 10000)
t0 = time.time()
s, _, b = req("POST", "/api/leads", {"intent": "LEASE", "propertyType": "FACTORY", "town": "三乡", "areaSqm": {"min": 1000, "max": 1500},
    "contactName": "黄生", "phone": phone, "consent": True, "message": "[点我](http://evil.example) <font color=red>急</font> <@all>"}, KEY)
lid = json.loads(b)["id"]; print("lead", s, lid)
while not any(lid in body for _, body in received["sanxiang"]) and time.time() - t0 < 10: time.sleep(0.01)
hit = [(t, body) for t, body in received["sanxiang"] if lid in body]
print("三乡 agent received %d message(s), first %.0f ms after the POST" % (len(hit), (hit[0][0] - t0) * 1000) if hit else "三乡 agent received nothing")
time.sleep(3)
print("after 3 s more: 三乡 agent messages:", len(received["sanxiang"]), "| 坦洲 agent messages:", len(received["tanzhou"]))
for t, body in received["sanxiang"]:
    print(body[:900])
s, _, b = req("GET", "/internal/auth/agent", headers={"Authorization": "Bearer " + a1["token"]})
print("gateway does not route /internal:", s)
s, _, b = req("GET", "/api/agent/leads", headers={"Authorization": "Bearer " + a1["token"]})
print("agent 三乡 sees its leads:", s, [i["id"] for i in (json.loads(b)["items"] if isinstance(json.loads(b), dict) else json.loads(b))] if s == 200 else b[:200])
s, _, b = req("GET", f"/api/leads/{lid}", headers={"Authorization": "Bearer " + a2["token"]})
print("agent 坦洲 opens 三乡's lead:", s, b[:150])
s, _, b = req("GET", f"/api/leads/{lid}", headers={"Authorization": "Bearer " + a1["token"]})
print("agent 三乡 opens its lead:", s, "phone" , json.loads(b).get("phone") if s == 200 else b[:150])
for a in (a1, a2):
    print("deactivate", a["id"], req("DELETE", f"/api/notify/agents/{a['id']}", headers=ADMIN)[0])
s, _, b = req("GET", "/api/agent/leads", headers={"Authorization": "Bearer " + a1["token"]})
print("revoked token after deactivation:", s)
