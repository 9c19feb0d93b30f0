using AzureLocalUpgrade.Cli.Commands.Fleet;
using AzureLocalUpgrade.Cli.Tests.Harness;
using AzureLocalUpgrade.Engine.Text;

namespace AzureLocalUpgrade.Cli.Tests.Fleet;

/// <summary>
/// <c>alu fleet stop|resume|approve</c> against a fleet recorded with <c>alu fleet start</c> (nothing runs it), and the
/// stage-name check they share with <c>alu fleet run --approve</c>. The refusals' exact text is in
/// <see cref="FleetRunCodesGoldenTests"/>.
/// </summary>
public sealed class FleetOperatorCommandTests : IDisposable
{
    private static readonly string[] Stages = ["canary", "early", "broad"];

    private readonly string _folder = Path.Combine(Path.GetTempPath(), "alu-fleet-ops-" + Guid.NewGuid().ToString("N")[..12]);

    public FleetOperatorCommandTests() => Directory.CreateDirectory(_folder);

    private static string Root => AluProcess.RepositoryRoot;

    private string Store => Path.Combine(_folder, "store.db");

    [Fact]
    public async Task StopThenResume_OnAStartedFleet_ShouldEachSucceedOnceAndRefuseTheRepeat()
    {
        await StartFleet12Async();

        var stop = await CliRun.Of(Root, "fleet", "stop", "fleet-12", "--db", Store);
        var stopAgain = await CliRun.Of(Root, "fleet", "stop", "fleet-12", "--db", Store);
        var resume = await CliRun.Of(Root, "fleet", "resume", "fleet-12", "--db", Store);
        var resumeAgain = await CliRun.Of(Root, "fleet", "resume", "fleet-12", "--db", Store);

        (stop.ExitCode, stopAgain.ExitCode, resume.ExitCode, resumeAgain.ExitCode).Should().Be((0, 2, 0, 2));
        stop.Out.Should().StartWith("Fleet fleet-12 stopped");
        stopAgain.Error.Should().Contain("ALU7103").And.Contain("is Stopped");
        resume.Out.Should().StartWith("Fleet fleet-12 resumed");
        resumeAgain.Error.Should().Contain("ALU7103").And.Contain("is Running");
    }

    [Fact]
    public async Task Approve_AStageOfTheFleet_ShouldPassTheNameCheckAndMeetTheGateCheck()
    {
        await StartFleet12Async();

        var approve = await CliRun.Of(Root, "fleet", "approve", "fleet-12", "--stage", "canary", "--db", Store);

        approve.ExitCode.Should().Be(2);
        approve.Error.Should().Contain("ALU7102", "canary is a stage; its gate is simply not waiting yet").And.NotContain("ALU7107");
    }

    [Theory]
    [InlineData("canary")]
    [InlineData("*")]
    public void RunApprove_AStageOrEveryStage_ShouldBeAccepted(string name) =>
        FleetStageNames.Unknown("--approve", [name], Stages, "fleet-12", SourceSpan.None, allowEvery: true).Should().BeEmpty();

    [Theory]
    [InlineData("canry", "Did you mean 'canary'? ")]
    [InlineData("Canary", "Did you mean 'canary'? ")]
    [InlineData("everything", "Give a stage name")]
    public void RunApprove_ANameThatIsNoStage_ShouldBeRefusedWithTheNearestStage(string name, string hintStart)
    {
        var refused = FleetStageNames.Unknown("--approve", [name, "broad", name], Stages, "fleet-12", SourceSpan.None, allowEvery: true);

        refused.Should().ContainSingle();
        refused[0].Code.Should().Be("ALU7107");
        refused[0].Message.Should().Be($"--approve '{name}': fleet fleet-12 has no stage of that name (its stages: canary, early, broad)");
        refused[0].Hint.Should().StartWith(hintStart);
    }

    [Fact]
    public void ApproveStage_Star_ShouldBeRefusedBecauseItNamesNoSingleGate() =>
        FleetStageNames.Unknown("--stage", ["*"], Stages, "fleet-12", SourceSpan.None, allowEvery: false).Should().ContainSingle(d => d.Code == "ALU7107");

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_folder, recursive: true);
    }

    private async Task StartFleet12Async()
    {
        var start = await CliRun.Of(Root, "fleet", "start", Path.Combine(Root, "samples", "fleets", "fleet-12.yaml"), "--db", Store);
        start.ExitCode.Should().Be(0, start.Error);
    }
}
