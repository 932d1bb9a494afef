import os, sys; sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from common import *
from concurrent.futures import ThreadPoolExecutor
SLUG = "zhongshan-village-industrial-park-renovation-shunde-model"
s, h, b = req("GET", f"/api/content/articles/{SLUG}")
a = json.loads(b)
print("GET seed article:", s, "| title:", a["title"], "| tags:", a["tags"], "| views:", a["views"], "| ETag:", h.get("ETag") or h.get("etag"), "| Cache-Control:", h.get("Cache-Control"))
print("related:", [r["title"][:18] for r in a["related"]])
def views():
    return json.loads(req("GET", f"/api/content/articles/{SLUG}")[2])["views"]
local = threading.local()
def beacon(visitor):
    if not hasattr(local, "c"):
        local.c = http.client.HTTPConnection(*GW, timeout=30)
    local.c.request("POST", f"/api/content/articles/{SLUG}/views", body=json.dumps({"visitorId": visitor}), headers={"Content-Type": "application/json", "User-Agent": "Mozilla/5.0 (check)"})
    r = local.c.getresponse(); r.read(); return r.status
def burst(visitors, label):
    before = views(); t0 = time.time()
    with ThreadPoolExecutor(8) as pool:
        codes = list(pool.map(beacon, visitors))
    sent = time.time() - t0
    expected = before + len(set(visitors))
    while views() != expected and time.time() - t0 < 30:
        time.sleep(0.05)
    after = views()
    print(f"{label}: {len(visitors)} beacons, statuses {sorted(set(codes))} x{len(codes)}, sent in {sent:.2f} s; views {before} -> {after} (+{after-before}) "
          f"{time.time()-t0:.2f} s after the first beacon")
    time.sleep(2)
    print(f"   2 s later still {views()} (no late double counting)")
burst([f"check-{uuid.uuid4()}" for _ in range(1000)], "1,000 distinct visitors")
one = f"check-one-{uuid.uuid4()}"
burst([one] * 1000, "1,000 repeats of one visitor")
