using AzureLocalUpgrade.Engine.Execution.Locking;
using AzureLocalUpgrade.Engine.Execution.Runs;
using AzureLocalUpgrade.Engine.Inputs;

namespace AzureLocalUpgrade.Engine.Tests.Inputs;

/// <summary>Every path in the state folder is built by one helper that refuses anything resolving outside it.</summary>
public sealed class StatePathsTests
{
    private static readonly string State = Path.Combine(Path.GetTempPath(), "alu-state-paths", "state");

    [Theory]
    [InlineData("..")]
    [InlineData("../..")]
    [InlineData("../../escaped-x")]
    [InlineData("a/../../../b")]
    public void A_segment_that_resolves_outside_the_state_folder_is_refused(string segment) =>
        FluentActions.Invoking(() => StatePaths.Under(State, "clusters", segment))
            .Should().Throw<StatePathException>().Which.Diagnostic.Code.Should().Be("ALU2604");

    [Fact]
    public void An_absolute_segment_is_joined_below_the_state_folder_never_used_as_is() =>
        StatePaths.Under(State, "clusters", "/etc").Should().StartWith(Path.Combine(State, "clusters") + Path.DirectorySeparatorChar);

    [Fact]
    public void The_state_folder_itself_is_not_inside_it() =>
        FluentActions.Invoking(() => StatePaths.Under(State, ".")).Should().Throw<StatePathException>();

    [Fact]
    public void A_sibling_folder_sharing_the_prefix_is_not_inside() =>
        StatePaths.IsInside(State, State + "-other" + Path.DirectorySeparatorChar + "x").Should().BeFalse();

    [Fact]
    public void A_plain_name_resolves_under_the_state_folder() =>
        StatePaths.Under(State, "runs", "20261123-021500-hci01-a1b2").Should().Be(Path.Combine(State, "runs", "20261123-021500-hci01-a1b2"));

    [Theory]
    [InlineData("../../outside/run")]
    [InlineData("/tmp/run")]
    [InlineData("..")]
    [InlineData("Run-Upper")]
    [InlineData("a\nb")]
    public void A_run_folder_is_never_opened_for_an_id_that_is_not_a_run_id(string runId)
    {
        RunId.Problem(runId).Should().NotBeNull();
        FluentActions.Invoking(() => RunFolder.Open(State, runId)).Should().Throw<ArgumentException>();
    }

    [Fact]
    public void A_new_run_id_is_a_valid_run_id() =>
        RunId.Problem(RunId.New(DateTimeOffset.UnixEpoch, "hci01")).Should().BeNull();

    [Fact]
    public void The_lock_of_any_cluster_lies_in_the_locks_folder() =>
        RunLock.PathFor(State, "../../x").Should().StartWith(Path.Combine(State, "locks") + Path.DirectorySeparatorChar);
}
