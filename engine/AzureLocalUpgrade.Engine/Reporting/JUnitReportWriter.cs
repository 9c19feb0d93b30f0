using System.Globalization;
using System.Xml.Linq;

namespace AzureLocalUpgrade.Engine.Reporting;

/// <summary>
/// A JUnit XML file so CI systems show a run as a test suite: one test case per step, failures as failures,
/// skipped and not-yet-run steps as skipped.
/// </summary>
public static class JUnitReportWriter
{
    public static string Write(RunReport report)
    {
        var cases = report.Steps.Select(Case).ToList();
        var suite = new XElement("testsuite",
            new XAttribute("name", $"{report.RunbookName} on {report.ClusterName}"),
            new XAttribute("tests", report.Steps.Count),
            new XAttribute("failures", report.Steps.Count(IsFailure)),
            new XAttribute("skipped", report.Steps.Count(IsSkipped)),
            new XAttribute("time", Seconds(report.Steps.Aggregate(TimeSpan.Zero, (t, s) => t + s.Duration))),
            new XAttribute("timestamp", report.StartedAt.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss", CultureInfo.InvariantCulture)),
            new XElement("properties",
                new XElement("property", new XAttribute("name", "runId"), new XAttribute("value", report.RunId)),
                new XElement("property", new XAttribute("name", "outcome"), new XAttribute("value", report.Outcome)),
                new XElement("property", new XAttribute("name", "exitCode"), new XAttribute("value", report.ExitCode?.ToString(CultureInfo.InvariantCulture) ?? "none"))),
            cases);
        var document = new XDocument(new XDeclaration("1.0", "utf-8", null), new XElement("testsuites", suite));
        return document.Declaration + "\n" + document.Root;
    }

    private static XElement Case(StepReport step)
    {
        var element = new XElement("testcase",
            new XAttribute("classname", step.Target),
            new XAttribute("name", step.Id),
            new XAttribute("time", Seconds(step.Duration)));
        if (IsFailure(step))
        {
            element.Add(new XElement("failure", new XAttribute("message", step.Message ?? step.Status), step.Message ?? step.Status));
        }
        else if (IsSkipped(step))
        {
            element.Add(new XElement("skipped", new XAttribute("message", step.Message ?? step.Status)));
        }

        return element;
    }

    private static bool IsFailure(StepReport step) => step.Status is "Failed" or "TimedOut";

    private static bool IsSkipped(StepReport step) =>
        step.Status is "Skipped" or "Pending" or "Cancelled" or "Waiting" or "Running" or "NotRun" or "WaitingForApproval" or "Interrupted";

    private static string Seconds(TimeSpan span) => span.TotalSeconds.ToString("0.###", CultureInfo.InvariantCulture);
}
