package cn.zschangfang.lead.enrichment;

import cn.zschangfang.lead.inquiry.Lead;
import cn.zschangfang.lead.inquiry.ValidInquiry;
import java.util.ArrayList;
import java.util.List;

/**
 * A transparent 0–100 score: every point comes with a reason a sales manager can read, so nobody has to trust a
 * black box. Weights favour what predicts a real deal: stated size and tax, a named company, reading history.
 */
public final class Scoring {

    private Scoring() {}

    public static Lead.Score score(ValidInquiry valid, Lead.Interests interests) {
        Lead.Inquiry inquiry = valid.inquiry();
        List<String> reasons = new ArrayList<>();
        int score = add(reasons, 20, "基础分");
        if (inquiry.areaSqm() != null) {
            score += add(reasons, 15, "填写了面积需求");
            Double size = inquiry.areaSqm().max() != null
                    ? inquiry.areaSqm().max()
                    : inquiry.areaSqm().min();
            if (size != null && size >= 2000) {
                score += add(reasons, 5, "面积需求不小于2000㎡");
            }
        }
        if (inquiry.expectedAnnualTaxWan() != null) {
            score += add(reasons, 10, "填写了预计年纳税额");
            if (inquiry.expectedAnnualTaxWan() >= 100) {
                score += add(reasons, 10, "预计年纳税额不少于100万元");
            }
        }
        if (valid.contact().company() != null) {
            score += add(reasons, 10, "填写了公司名称");
        }
        if (inquiry.use() != null) {
            score += add(reasons, 5, "填写了用途/行业");
        }
        if (inquiry.message() != null && inquiry.message().length() >= 20) {
            score += add(reasons, 5, "留言内容具体");
        }
        int read = interests.articles().size();
        if (read >= 1) {
            score += add(reasons, 10, "提交前阅读过" + read + "篇文章");
        }
        if (read >= 3) {
            score += add(reasons, 5, "阅读了3篇以上文章");
        }
        if (valid.sourceArticle() != null) {
            score += add(reasons, 5, "从文章页面提交");
        }
        return new Lead.Score(Math.min(100, score), List.copyOf(reasons));
    }

    private static int add(List<String> reasons, int points, String why) {
        reasons.add(why + " +" + points);
        return points;
    }
}
