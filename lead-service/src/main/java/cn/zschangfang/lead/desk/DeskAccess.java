package cn.zschangfang.lead.desk;

import cn.zschangfang.lead.access.Caller;
import cn.zschangfang.lead.inquiry.Lead;
import cn.zschangfang.lead.inquiry.LeadStore;
import cn.zschangfang.platform.problem.ApiException;

/** The desk's one rule for opening a lead by id, so every endpoint answers a lead it may not see alike. */
final class DeskAccess {

    private DeskAccess() {}

    /** The lead, or 404 when it does not exist or the caller may not open it ({@link Caller#mayOpen}). */
    static Lead open(LeadStore store, String id, Caller caller) {
        return store.find(id).filter(lead -> caller.mayOpen(lead.assigneeId())).orElseThrow(ApiException::notFound);
    }
}
