using System.Xml.Linq;
using AzureLocalUpgrade.Engine.Reporting;

namespace AzureLocalUpgrade.Engine.Tests.Reporting;

public sealed class RunReportWritersTests
{
    private static readonly DateTimeOffset Start = new(2026, 11, 28, 22, 0, 0, TimeSpan.Zero);

    private static RunReport Report(params StepReport[] steps) => new(
        "20261128-220000-hci01-a1b2", "os-22h2-to-23h2-sconfig", "1.0.0", "hci01", Start, Start.AddHours(3), "Failed", 1,
        "step rolling-update[n2]/feature-update failed", steps,
        [new ApprovalReport("secure-boot", "jane.doe", Start.AddMinutes(5), "approval file approvals.yaml by jane.doe")],
        ["check vms-running: 2 VMs still running"],
        new Dictionary<string, string> { ["n2"] = "20349.3692", ["n1"] = "25398.1611" },
        ["node n2 left Paused by step rolling-update[n2]/drain"]);

    [Fact]
    public void Markdown_ShouldListStepsApprovalsWarningsBuildsAndLeftovers()
    {
        var md = MarkdownReportWriter.Write(Report(
            new StepReport("rolling-update[n1]/drain", "node n1", "Succeeded", TimeSpan.FromMinutes(5), 1, null),
            new StepReport("rolling-update[n2]/feature-update", "node n2", "Failed", TimeSpan.FromSeconds(42), 3, "setup exit code 1")));

        md.Should().StartWith("# Run 20261128-220000-hci01-a1b2: Failed");
        md.Should().Contain("| `rolling-update[n1]/drain` | node n1 | Succeeded | 5m | 1 |  |");
        md.Should().Contain("| `rolling-update[n2]/feature-update` | node n2 | Failed | 42s | 3 | setup exit code 1 |");
        md.Should().Contain("`secure-boot` approved by jane.doe at 2026-11-28 22:05:00 UTC");
        md.Should().Contain("- check vms-running: 2 VMs still running");
        md.Should().Contain("- n1: 25398.1611\n- n2: 20349.3692");
        md.Should().Contain("- node n2 left Paused by step rolling-update[n2]/drain");
    }

    [Fact]
    public void Markdown_PipeInMessage_ShouldNotBreakTheTable()
    {
        var md = MarkdownReportWriter.Write(Report(new StepReport("a", "orchestrator", "Failed", TimeSpan.Zero, 1, "x | y")));

        md.Should().Contain("x \\| y");
    }

    [Fact]
    public void JUnit_ShouldCountFailuresAndSkips()
    {
        var xml = XDocument.Parse(JUnitReportWriter.Write(Report(
            new StepReport("a", "orchestrator", "Succeeded", TimeSpan.FromSeconds(1), 1, null),
            new StepReport("b", "node n1", "Failed", TimeSpan.FromSeconds(2), 2, "boom"),
            new StepReport("c", "node n1", "Skipped", TimeSpan.Zero, 0, "when: params.x"))));

        var suite = xml.Root!.Element("testsuite")!;
        suite.Attribute("tests")!.Value.Should().Be("3");
        suite.Attribute("failures")!.Value.Should().Be("1");
        suite.Attribute("skipped")!.Value.Should().Be("1");
        suite.Elements("testcase").Single(c => c.Attribute("name")!.Value == "b").Element("failure")!.Attribute("message")!.Value.Should().Be("boom");
    }
}
