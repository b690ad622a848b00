package io.avreplay.scenario.report;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.avreplay.scenario.ci.ScenarioOutcome;
import io.avreplay.scenario.scoring.ScoringDetail;
import java.util.List;
import org.junit.jupiter.api.Test;

class HtmlReportViewerLinkTest {
    private static ScenarioOutcome outcome(String logId, long startNs) {
        return new ScenarioOutcome("s", "t", "s.yaml", logId, startNs, startNs + 10, 1, List.of("car"), List.of(), List.of(),
                List.of(), startNs, new ScenarioOutcome.Association(0, 0, 0), ScoringDetail.empty(), 0.0);
    }

    @Test
    void linksTheLogsViewerPageAtTheWindowStart() {
        assertEquals("view/urban-7_a.b.html#ns=1700000000123456789",
                HtmlReport.viewerLink(outcome("urban-7_a.b", 1_700_000_000_123_456_789L)));
    }

    @Test
    void percentEncodesWhatIsNotAPlainFileNameCharacter() {
        // ' ' is 0x20, '/' is 0x2F, 'é' is UTF-8 C3 A9
        assertEquals("view/a%20b%2Fc%C3%A9.html#ns=5", HtmlReport.viewerLink(outcome("a b/cé", 5)));
    }
}
