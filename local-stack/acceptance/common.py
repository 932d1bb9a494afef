import json, time, http.client, threading, hashlib, base64, uuid, urllib.request
GW = ("localhost", 8080)
def req(method, path, body=None, headers=None, host=GW):
    c = http.client.HTTPConnection(*host, timeout=30)
    h = {"Content-Type": "application/json"}
    h.update(headers or {})
    c.request(method, path, body=json.dumps(body, ensure_ascii=False).encode() if isinstance(body, (dict, list)) else body, headers=h)
    r = c.getresponse(); data = r.read(); c.close()
    return r.status, r.headers, data.decode("utf-8", "replace")
ADMIN = {"Authorization": "Bearer local-admin-token"}
KEY = {"X-Api-Key": "local-integration-key"}
