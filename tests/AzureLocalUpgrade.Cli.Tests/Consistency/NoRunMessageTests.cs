namespace AzureLocalUpgrade.Cli.Tests.Consistency;

/// <summary>
/// "There is no run" names the state folder it searched and says the folder may be the wrong one (--state-dir or
/// ALU_STATE_DIR), because a run started with another state folder is the usual cause.
/// </summary>
public sealed class NoRunMessageTests
{
    [Theory]
    [InlineData("status")]
    [InlineData("resume")]
    public async Task An_unknown_run_names_the_folder_searched_and_the_ways_to_choose_another(string command)
    {
        var state = Directory.CreateTempSubdirectory("alu-no-run-");
        Directory.CreateDirectory(Path.Combine(state.FullName, "runs"));

        var run = await CliRun.Of(state.FullName, command, "20261206-120000-hci01-abcd", "--state-dir", state.FullName);

        run.ExitCode.Should().Be(2);
        run.Error.Should().Contain($"There is no run 20261206-120000-hci01-abcd in the state folder {state.FullName}")
            .And.Contain("--state-dir").And.Contain("ALU_STATE_DIR");
        state.Delete(recursive: true);
    }
}
