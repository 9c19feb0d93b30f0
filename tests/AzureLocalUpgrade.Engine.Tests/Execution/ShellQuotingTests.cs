using AzureLocalUpgrade.Engine.Execution;

namespace AzureLocalUpgrade.Engine.Tests.Execution;

/// <summary>The arguments of a suggested command paste unchanged into bash, zsh and PowerShell.</summary>
public sealed class ShellQuotingTests
{
    [Theory]
    [InlineData("20250602-080000-hci04-2928", "20250602-080000-hci04-2928")]
    [InlineData("change-approved", "change-approved")]
    [InlineData("secure-boot/node[hci04-n1]/enable-in-uefi", "'secure-boot/node[hci04-n1]/enable-in-uefi'")]
    [InlineData("*", "'*'")]
    [InlineData("a b", "'a b'")]
    [InlineData("it's", "\"it's\"")]
    [InlineData("it's $HOME", "'it'\\''s $HOME'")]
    [InlineData("", "''")]
    public void Quotes_what_a_shell_would_change(string argument, string expected) =>
        ShellQuoting.ForAnyShell(argument).Should().Be(expected);

    [Fact]
    public async Task A_paused_gate_suggests_a_quoted_approve()
    {
        var graph = new TestGraph(nodes: 1).Manual("secure-boot/node[hci01-n1]/enable-in-uefi");
        using var fixture = new ExecutionFixture(graph);

        var result = await fixture.RunAsync(graph.Build());

        result.Summary.Should().Contain("--approve 'secure-boot/node[hci01-n1]/enable-in-uefi'");
    }
}
