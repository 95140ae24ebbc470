package org.promisedesk.intake;

import static org.promisedesk.intake.IntakeProcess.CUSTOMER_ID;
import static org.promisedesk.intake.IntakeProcess.REQUEST_CLASS;
import static org.promisedesk.intake.IntakeProcess.SURVEY_COMMENT;
import static org.promisedesk.intake.IntakeProcess.SURVEY_SCORE;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.promisedesk.intake.SurveyAnswers.SurveyAnswer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/** Reads a score from a reply and stores a survey answer with the request's variables. */
@Component
class Surveys {

    private static final Logger log = LoggerFactory.getLogger(Surveys.class);
    static final int COMMENT_MAX = 2000;
    /** A leading 1-5 (half- or full-width), not part of a longer number; the rest after separators is the comment. */
    private static final Pattern SCORE = Pattern.compile("^\\s*([1-5１-５])(?![\\d０-９])\\s*(?:分|/\\s*5|points?)?[\\s\\-–—:：,，.。!！]*(.*)$",
            Pattern.DOTALL);

    private final SurveyAnswers answers;

    Surveys(SurveyAnswers answers) {
        this.answers = answers;
    }

    record Parsed(int score, String comment) {
    }

    /** The score and comment at the start of a reply, or null when it does not start with 1-5. */
    static Parsed parse(String reply) {
        if (reply == null) {
            return null;
        }
        Matcher matcher = SCORE.matcher(reply);
        if (!matcher.matches()) {
            return null;
        }
        char digit = matcher.group(1).charAt(0);
        int score = digit >= '１' ? digit - '１' + 1 : digit - '0';
        String comment = matcher.group(2).strip();
        if (comment.length() > COMMENT_MAX) {
            comment = comment.substring(0, COMMENT_MAX);
        }
        return new Parsed(score, comment.isEmpty() ? null : comment);
    }

    void store(DelegateExecution execution, int score, String comment, String channel) {
        execution.setVariable(SURVEY_SCORE, score);
        execution.setVariable(SURVEY_COMMENT, comment);
        answers.save(new SurveyAnswer(execution.getProcessBusinessKey(),
                ((Number) execution.getVariable(CUSTOMER_ID)).longValue(), score, comment,
                ClockUtil.getCurrentTime().toInstant(), channel, (String) execution.getVariable(REQUEST_CLASS)));
        log.info("Request {}: satisfaction {} by {}", execution.getProcessBusinessKey(), score, channel);
    }
}
