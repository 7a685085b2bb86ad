package io.dscover.cli;

import io.dscover.coverage.gate.BaselineComparison;
import io.dscover.coverage.json.CoverageJson;
import io.dscover.coverage.render.HtmlReport;
import io.dscover.coverage.render.JUnitReport;
import io.dscover.coverage.render.MarkdownReport;
import io.dscover.coverage.render.NavigatorLayer;
import io.dscover.coverage.report.CoverageReport;
import java.util.Optional;

/** The outputs of {@code dscover coverage --format}, each with the file name it gets in {@code -o DIR}. */
enum ReportFormat {
    html("coverage.html"),
    navigator("navigator-layer.json"),
    md("coverage.md"),
    json("coverage.json"),
    junit("rule-tests.xml");

    final String fileName;

    ReportFormat(String fileName) {
        this.fileName = fileName;
    }

    String render(CoverageReport report, Optional<BaselineComparison> baseline) {
        return switch (this) {
            case html -> HtmlReport.render(report);
            case navigator -> NavigatorLayer.render(report);
            case md -> MarkdownReport.render(report, baseline);
            case json -> CoverageJson.render(report);
            case junit -> JUnitReport.render(report);
        };
    }
}
