import os, sys, subprocess; sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from common import *
lead = {"intent": "BUY", "propertyType": "WAREHOUSE", "town": "火炬", "areaSqm": {"min": 3000, "max": 3000},
        "contactName": "陈经理", "consent": True, "company": "中山某物流有限公司", "use": "仓储物流", "expectedAnnualTaxWan": 120}
s, h, b = req("POST", "/api/leads", dict(lead, phone="12345"), KEY)
print("invalid phone:", s, h.get("Content-Type"), b)
phone = "1390760%04d" % (int(time.time()) % 10000)
visitor = f"check-reader-{uuid.uuid4()}"
for slug in ["shaxi-village-industrial-park-renovation-push", "torch-zone-national-equipment-manufacturing-base"]:
    print("view", slug, req("POST", f"/api/content/articles/{slug}/views", {"visitorId": visitor}, {"User-Agent": "Mozilla/5.0 (check)"})[0])
time.sleep(1.5)
first = req("POST", "/api/leads", dict(lead, phone=phone, visitorId=visitor, message="第一次提交"), KEY)
second = req("POST", "/api/leads", dict(lead, phone=phone, visitorId=visitor, message="第二次提交"), KEY)
print("first:", first[0], first[2]); print("second:", second[0], second[2])
lid = json.loads(first[2])["id"]
time.sleep(3)
out = subprocess.run(["kcat", "-C", "-b", "127.0.0.1:9092", "-t", "lead.captured", "-J", "-e", "-q"], capture_output=True, text=True).stdout
events = [json.loads(l) for l in out.splitlines() if l.strip()]
mine = [e for e in events if e.get("key") == lid]
print(f"lead.captured events with key {lid}: {len(mine)} (of {len(events)} on the topic)")
s, _, detail = req("GET", f"/api/leads/{lid}", headers=ADMIN)
d = json.loads(detail)
print("detail:", s, "status", d.get("status"), "| interests:", json.dumps(d.get("interests"), ensure_ascii=False))
print("score", d.get("score"), d.get("scoreReasons"))
print("timeline:", [(t.get("type"), t.get("detail")) for t in d.get("timeline", [])])
s, _, listing = req("GET", "/api/leads?town=%E7%81%AB%E7%82%AC%E5%BC%80%E5%8F%91%E5%8C%BA", headers=ADMIN)
print("leads in 火炬开发区 with this phone (masked):", sum(1 for i in json.loads(listing)["items"] if i["phoneMasked"] == phone[:3] + "****" + phone[-4:]))
