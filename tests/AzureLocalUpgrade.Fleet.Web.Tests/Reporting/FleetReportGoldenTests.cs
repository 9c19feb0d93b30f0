using System.Runtime.CompilerServices;
using AzureLocalUpgrade.Fleet.Reporting;
using AzureLocalUpgrade.Fleet.Status;

namespace AzureLocalUpgrade.Fleet.Web.Tests.Reporting;

/// <summary>
/// Golden fleet reports: each case's status renders to TestData/reports/CASE.md and CASE.html byte for byte.
/// Set ALU_SET_BASELINE=1 to rewrite them after an intended change.
/// </summary>
public sealed class FleetReportGoldenTests
{
    private static readonly DateTimeOffset Start = new(2026, 11, 28, 22, 0, 0, TimeSpan.Zero);

    public static TheoryData<string, string> Cases() => new()
    {
        { "halted-after-failure", "md" }, { "halted-after-failure", "html" },
        { "succeeded", "md" }, { "succeeded", "html" },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Report_matches_the_golden_file(string caseName, string format)
    {
        var report = FleetReport.Build(Status(caseName), Events(caseName));
        var actual = format == "md" ? MarkdownFleetReport.Render(report) : HtmlFleetReport.Render(report);
        var expectedPath = Path.Combine(SourceFolder(), $"{caseName}.{format}");
        if (Environment.GetEnvironmentVariable("ALU_SET_BASELINE") == "1")
        {
            File.WriteAllText(expectedPath, actual);
        }

        var expected = File.Exists(expectedPath) ? File.ReadAllText(expectedPath) : "";
        actual.Should().Be(expected, $"the report changed; accept with: ALU_SET_BASELINE=1 dotnet test --filter {nameof(FleetReportGoldenTests)}");
    }

    [Fact]
    public void The_html_report_is_self_contained_and_encodes_every_value()
    {
        var html = HtmlFleetReport.Render(FleetReport.Build(Status("halted-after-failure"), Events("halted-after-failure")));
        html.Should().Contain("<style>").And.NotContain("<script").And.NotContain("<link").And.NotContain("src=").And.NotContain("http");
        html.Should().Contain("&lt;b&gt;disk&lt;/b&gt;");
    }

    [Fact]
    public void The_markdown_report_keeps_table_cells_on_one_line_and_escapes_html()
    {
        var md = MarkdownFleetReport.Render(FleetReport.Build(Status("halted-after-failure"), Events("halted-after-failure")));
        md.Should().Contain("S2D repair \\| &lt;b&gt;disk&lt;/b&gt; 3 missing").And.NotContain("<b>");
    }

    private static FleetStatus Status(string caseName) => caseName switch
    {
        "succeeded" => new FleetStatus("fleet-12-20261128", "fleet-12", FleetRunState.Succeeded, null, Start, Start.AddHours(9),
        [
            new StageStatus("canary", StageState.Done, new GateStatus("canary", true, "alice", Start.AddHours(3)),
                [Cluster("eu-001", "eu-store-001", ClusterRunState.Done, 0, 95)]),
            new StageStatus("wave-1", StageState.Done, new GateStatus("wave-1", false, null, null),
                [Cluster("eu-002", "eu-store-002", ClusterRunState.Done, 200, 310), Cluster("us-001", "us-store-001", ClusterRunState.Done, 205, 540)]),
        ]),
        _ => new FleetStatus("retail-120-20261128", "retail-120", FleetRunState.Halted,
            "stage wave-1 spent its failure budget (1 failure, 0 allowed)", Start, null,
        [
            new StageStatus("canary", StageState.Done, new GateStatus("canary", true, "alice", Start.AddHours(2).AddMinutes(30)),
                [Cluster("eu-001", "eu-store-001", ClusterRunState.Done, 0, 80), Cluster("us-001", "us-store-001", ClusterRunState.Done, 10, 125)]),
            new StageStatus("wave-1", StageState.Halted, new GateStatus("wave-1", true, null, null),
            [
                Cluster("eu-002", "eu-store-002", ClusterRunState.Done, 160, 250),
                Cluster("eu-003", "eu-store-003", ClusterRunState.Failed, 165, 230) with { Reason = "S2D repair | <b>disk</b> 3 missing\nafter reboot" },
            ]),
            new StageStatus("wave-2", StageState.Waiting, null, [Cluster("ap-001", "ap-store-001", ClusterRunState.Waiting, null, null)]),
            new StageStatus("(refused)", StageState.Done, null,
                [Cluster("eu-stretch", "eu-dc-1", ClusterRunState.Refused, null, null) with { Runbook = null, Reason = "stretched cluster: no 24H2 method applies" }]),
        ]),
    };

    private static ClusterRunStatus Cluster(string name, string site, ClusterRunState state, int? startMinutes, int? endMinutes) =>
        new(name, site, "22h2-to-23h2/cau", state, startMinutes is null ? null : $"run-{name}", null, [], null, null,
            startMinutes is { } s ? Start.AddMinutes(s) : null, endMinutes is { } e ? Start.AddMinutes(e) : null, null);

    private static IReadOnlyList<FleetEvent> Events(string caseName) =>
    [
        new(1, Start, caseName, null, "fleet-started", "fleet started"),
        new(2, Start.AddMinutes(1), caseName, "eu-001", "cluster-started", "eu-001 started (not in the fleet events section)"),
        new(3, Start.AddHours(2).AddMinutes(30), caseName, null, "gate-approved", "gate after canary approved by alice"),
    ];

    private static string SourceFolder([CallerFilePath] string thisFile = "") =>
        Path.Combine(Path.GetDirectoryName(thisFile)!, "..", "TestData", "reports");
}
