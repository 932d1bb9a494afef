import os, sys; sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from common import *
times = []
for i, town in enumerate(["沙溪", "小榄", "古镇", "南头", "东凤"]):
    phone = "1380013%04d" % (int(time.time()*1000) % 10000 + i)
    t0 = time.time()
    s, h, b = req("POST", "/api/leads", {"intent": "LEASE", "propertyType": "FACTORY", "town": town, "areaSqm": {"min": 2000, "max": 5000},
        "contactName": "张三", "phone": phone, "consent": True, "message": "需要一楼厂房"}, KEY)
    assert s == 201, (s, b)
    lid = json.loads(b)["id"]
    while True:
        s2, _, msgs = req("GET", "/api/notify/sandbox/messages")
        if lid in msgs: break
        if time.time() - t0 > 10: raise SystemExit("not delivered in 10 s: " + lid)
        time.sleep(0.02)
    dt = (time.time() - t0) * 1000
    times.append(dt)
    print(f"lead {lid} town={town} POST={s} delivered to the demo agent's robot {dt:.0f} ms after the POST started; Location={h.get('location') or h.get('Location')}")
    m = [x for x in json.loads(msgs) if lid in json.dumps(x, ensure_ascii=False)][0]
    assert phone not in json.dumps(m, ensure_ascii=False), "full phone leaked"
print("max %.0f ms, all under 2 s: %s" % (max(times), max(times) < 2000))
print(json.dumps(m, ensure_ascii=False)[:700])
