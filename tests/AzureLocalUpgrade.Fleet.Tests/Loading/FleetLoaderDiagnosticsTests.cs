using AzureLocalUpgrade.Engine.Diagnostics;
using AzureLocalUpgrade.Engine.Loading;
using AzureLocalUpgrade.Fleet.Loading;
using AzureLocalUpgrade.Fleet.Tests.Support;

namespace AzureLocalUpgrade.Fleet.Tests.Loading;

/// <summary>
/// Every fleet-file mistake is one positioned diagnostic with its own code, a golden message and a hint. Each case
/// changes one line of <see cref="FleetWorkspace.BaseFleet"/> (which loads cleanly) and names the one diagnostic
/// expected, as <c>file:line:col: severity CODE: message</c>.
/// </summary>
public sealed class FleetLoaderDiagnosticsTests : IDisposable
{
    private readonly FleetWorkspace _workspace = new();

    public static TheoryData<string, string, string, string> Cases => new()
    {
        {
            "a glob that matches nothing",
            "inv/chi-a/*.yaml", "inv/chi-x/*.yaml",
            "fleet.yaml:9:16: error ALU7001: The inventory 'inv/chi-x/*.yaml' matches no file (looked in {folder})."
        },
        {
            "a file that does not exist",
            "inv/chi-a/*.yaml", "inv/chi-a/missing.yaml",
            "fleet.yaml:9:16: error ALU7001: The inventory 'inv/chi-a/missing.yaml' matches no file (looked in {folder})."
        },
        {
            "the same clusters twice",
            "inv/ber-a/*.yaml", "inv/*/*.yaml",
            "fleet.yaml:11:16: error ALU7002: The cluster 'chi-a1' appears twice in the fleet: in inv/chi-a/chi-a1.yaml and again in inv/chi-a/chi-a1.yaml.\n"
            + "fleet.yaml:11:16: error ALU7002: The cluster 'chi-a2' appears twice in the fleet: in inv/chi-a/chi-a2.yaml and again in inv/chi-a/chi-a2.yaml."
        },
        {
            "no site label",
            "labels: { site: ber-a, ring: broad }", "labels: { ring: broad }",
            "fleet.yaml:12:13: error ALU7003: The cluster entry has no 'site' label."
        },
        {
            "an unknown time zone",
            "timeZone: America/Chicago", "timeZone: America/Springfield",
            "fleet.yaml:6:13: error ALU7004: The time zone is not usable: unknown time zone 'America/Springfield' (use an IANA name such as Europe/Berlin, a Windows name such as 'W. Europe Standard Time', or UTC)."
        },
        {
            "a window that is not a window",
            "\"Sat 22:00-Sun 06:00\"", "\"Saturday night\"",
            "fleet.yaml:7:13: error ALU7005: The maintenance window is not valid: 'Saturday night' is not a maintenance window; write a weekly one such as 'Sat 22:00-Sun 06:00' or an explicit one such as '2026-11-28T22:00/2026-11-29T06:00'."
        },
        {
            "a window with an impossible time",
            "\"Sat 22:00-Sun 06:00\"", "\"Sat 25:00-Sun 06:00\"",
            "fleet.yaml:7:13: error ALU7005: The maintenance window is not valid: the times in 'Sat 25:00-Sun 06:00' are not valid 24-hour times (HH:mm)."
        },
        {
            "a one-off window",
            "\"Sat 22:00-Sun 06:00\"", "\"2026-12-12T22:00/2026-12-13T06:00\"",
            "fleet.yaml:7:13: error ALU7005: The maintenance window is not valid: '2026-12-12T22:00/2026-12-13T06:00' is a one-off window; a fleet's windows recur weekly."
        },
        {
            "a cluster no stage takes",
            "groups: [ { matchLabels: { ring: broad } } ]", "groups: [ { matchLabels: { ring: borad } } ]",
            "fleet.yaml:11:16: error ALU7006: The clusters of this entry (ber-a1, ber-a2; labels {ring: broad, site: ber-a}) are matched by no stage, so the fleet would never upgrade them.\n"
            + "fleet.yaml:16:5: warning ALU7012: The stage 'broad' holds no cluster: earlier stages took every cluster its groups match, or none has its labels."
        },
        {
            "a percentage over 100",
            "    groups: [ { matchLabels: { ring: broad } } ]", "    groups: [ { matchLabels: { ring: broad } } ]\n    failureBudget: 150%",
            "fleet.yaml:18:20: error ALU7007: '150%' is not a failure budget."
        },
        {
            "a budget that is neither count nor percentage",
            "    groups: [ { matchLabels: { ring: broad } } ]", "    groups: [ { matchLabels: { ring: broad } } ]\n    failureBudget: some",
            "fleet.yaml:18:20: error ALU7007: 'some' is not a failure budget."
        },
        {
            "a negative budget",
            "    groups: [ { matchLabels: { ring: broad } } ]", "    groups: [ { matchLabels: { ring: broad } } ]\n    failureBudget: -1",
            "fleet.yaml:18:20: error ALU7007: '-1' is not a failure budget."
        },
        {
            "a soak that is not a duration",
            "    groups: [ { matchLabels: { ring: broad } } ]", "    groups: [ { matchLabels: { ring: broad } } ]\n    soak: two hours",
            "fleet.yaml:18:11: error ALU7008: 'two hours' is not a soak duration."
        },
        {
            "two stages of one name",
            "  - name: broad", "  - name: canary",
            "fleet.yaml:16:11: error ALU7009: The stage name 'canary' is used twice."
        },
        {
            "a glob ending in **",
            "inv/ber-a/*.yaml", "inv/**",
            "fleet.yaml:11:16: error ALU7011: The inventory 'inv/**' is not a usable path or glob: it ends with '**'; end it with a file name or pattern such as **/*.yaml."
        },
        {
            "a stage that takes no cluster",
            "  - name: broad\n    groups: [ { matchLabels: { ring: broad } } ]",
            "  - name: broad\n    groups: [ { matchLabels: { ring: broad } } ]\n  - name: late\n    groups: [ { matchLabels: { ring: late } } ]",
            "fleet.yaml:18:5: warning ALU7012: The stage 'late' holds no cluster: earlier stages took every cluster its groups match, or none has its labels."
        },
        {
            "an unknown property (the schema machinery)",
            "metadata: { name: test }", "metadata: { name: test, owner: me }",
            "fleet.yaml:3:25: error ALU1102: 'owner' is not a known property of metadata."
        },
        {
            "a kind that is not Fleet (the schema machinery)",
            "kind: Fleet", "kind: Cluster",
            "fleet.yaml:2:7: error ALU1104: kind is 'Cluster', which is not one of: Fleet."
        },
        {
            "no apiVersion",
            "apiVersion: azurelocal.upgrade/v1\n", "",
            "fleet.yaml:1:1: error ALU1008: The document has no apiVersion. Supported: azurelocal.upgrade/v1."
        },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Load_ShouldReportTheMistakeAtItsPlace(string mistake, string find, string replace, string expected)
    {
        FleetWorkspace.BaseFleet.Should().Contain(find, because: mistake);
        var (fleet, bag) = _workspace.Load(FleetWorkspace.BaseFleet.Replace(find, replace, StringComparison.Ordinal));

        Lines(bag).Should().Equal(expected.Replace("{folder}", _workspace.Folder, StringComparison.Ordinal).Split('\n'), mistake);
        bag.Items.Where(d => d.Code.StartsWith("ALU70", StringComparison.Ordinal) && string.IsNullOrWhiteSpace(d.Hint))
            .Should().BeEmpty("every fleet diagnostic says what to do");
        if (bag.HasErrors)
        {
            fleet.Should().BeNull("a fleet with an error is never half-loaded");
        }
    }

    [Fact]
    public void Load_TheBaseFleet_ShouldReportNothing()
    {
        var (fleet, bag) = _workspace.Load(FleetWorkspace.BaseFleet);

        Lines(bag).Should().BeEmpty();
        fleet!.Clusters.Select(c => c.Name).Should().Equal("chi-a1", "chi-a2", "ber-a1", "ber-a2");
    }

    [Fact]
    public void Load_AnInvalidInventory_ShouldReportItInTheInventoryWithTheInventoryLoadersCode()
    {
        File.AppendAllText(Path.Combine(_workspace.Folder, "inv", "chi-a", "chi-a2.yaml"), "unexpected: true\n");

        var (fleet, bag) = _workspace.Load(FleetWorkspace.BaseFleet);

        fleet.Should().BeNull();
        bag.Items.Should().ContainSingle().Which.Should().Match<Diagnostic>(d => d.Code == "ALU1102" && d.Span.File.EndsWith("chi-a2.yaml", StringComparison.Ordinal));
    }

    [Fact]
    public void Load_MoreClustersThanTheLimit_ShouldStopBeforeReadingThemWithALU7013()
    {
        var bag = new DiagnosticBag();

        var fleet = FleetLoader.Load(_workspace.WriteFleet(FleetWorkspace.BaseFleet), bag, LoadLimits.Default, maxClusters: 3);

        fleet.Should().BeNull();
        Lines(bag).Should().Equal("fleet.yaml:11:16: error ALU7013: The fleet holds more than 3 clusters; alu refuses to load it.");
    }

    private string[] Lines(DiagnosticBag bag) =>
        [.. bag.Sorted().Select(d => d.ToString().Replace(_workspace.Folder + Path.DirectorySeparatorChar, "", StringComparison.Ordinal))];

    public void Dispose() => _workspace.Dispose();
}
