package org.promisedesk.intake;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.camunda.bpm.engine.DecisionService;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.promisedesk.platform.EngineTest;
import org.springframework.beans.factory.annotation.Autowired;

/** The keyword decision proposes the class an agent would choose, in Chinese and English. */
@EngineTest
class RequestClassificationDecisionTest {

    @Autowired private DecisionService decisionService;

    @ParameterizedTest(name = "{0} / {1} -> {2}")
    @CsvSource(delimiter = '|', textBlock = """
            网站打不开了           | 从早上开始访问一直报错                    | fault
            Site down              | www.northwind.example is down since 9:00  | fault
            Hello                  | Nobody can open our site: the server cannot be found | fault
            Shop                   | Our shop won't open since the update      | fault
            Download link          | How do I download last week's backup?     | technical-question
            SSL                    | How do I enable HTTPS on my host?         | technical-question
            云服务器报价           | 4核8G的云服务器多少钱一个月               | price-inquiry
            Quote please           | What would a second rack cost us?         | price-inquiry
            需求                   | 希望增加一个异地备份                      | requirement
            ICP                    | 我们的新域名需要备案                      | icp-filing
            续费                   | 请帮我们开一张发票                        | renewal-billing
            Invoice                | Please renew our hosting for a year       | renewal-billing
            投诉                   | 客服三天没有回复，网站也打不开            | complaint
            Unacceptable           | The outage is unacceptable, it is down again | complaint
            合作                   | 我们是同行，想谈谈渠道合作                | peer-cooperation
            谢谢                   | 谢谢你们昨天的帮忙                        | chit-chat
            Hello                  | Just wanted to say thank you!             | chit-chat
            """)
    void shouldProposeTheClassFromKeywords(String subject, String body, String expected) {
        Object proposed = decisionService.evaluateDecisionTableByKey(IntakeProcess.DECISION_CLASSIFICATION,
                Map.of(IntakeProcess.SUBJECT, subject, IntakeProcess.BODY, body)).getSingleEntry();
        assertThat(proposed).isEqualTo(expected);
    }
}
