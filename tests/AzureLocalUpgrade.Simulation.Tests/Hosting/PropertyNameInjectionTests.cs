using AzureLocalUpgrade.Engine.Graph;
using AzureLocalUpgrade.PowerShell.Hosting;
using AzureLocalUpgrade.Simulation.Tests.Support;

namespace AzureLocalUpgrade.Simulation.Tests.Hosting;

/// <summary>
/// A parameter value used as a property name or sort key stays a name. PowerShell reads five characters as a single
/// quote (' and U+2018, U+2019, U+201A, U+201B), so a value that closes a quoted name with any of them must not
/// become code: the step's scripts name properties with bound values, and the cmdlets receive them as values.
/// </summary>
public sealed class PropertyNameInjectionTests : IAsyncDisposable
{
    private readonly SimulatorHarness _sim = new();
    private readonly PowerShellStepHost _host;
    private readonly string _marker = Path.Combine(Path.GetTempPath(), Random.Shared.NextInt64(1_000_000_000, 9_999_999_999).ToString(System.Globalization.CultureInfo.InvariantCulture));

    public PropertyNameInjectionTests() => _host = new PowerShellStepHost(_sim.Connector, _sim.Cluster.Clock);

    public async ValueTask DisposeAsync()
    {
        await _host.DisposeAsync();
        _sim.Dispose();
        File.Delete(_marker);
    }

    public static TheoryData<string, char> UsesAndQuotes()
    {
        string[] uses =
        [
            "Get-ClusterNode | Sort-Object -Property @{ Expression = $Params.key; Descending = $true }",
            "Get-ClusterNode | Select-Object -Property @{ Name = 'k'; Expression = $Params.key }",
            "Get-ClusterNode | Sort-Object -Property $Params.key",
            "Get-ClusterNode | Select-Object -Property $Params.key",
            "Get-ClusterNode | Measure-Object -Property $Params.key",
        ];
        var data = new TheoryData<string, char>();
        foreach (var use in uses)
        {
            foreach (var quote in new[] { '\'', '\u2018', '\u2019', '\u201A', '\u201B' })
            {
                data.Add(use, quote);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(UsesAndQuotes))]
    public async Task ValueClosingAQuotedName_ShouldNeverRunAsCode(string script, char quote)
    {
        // Written without ASCII quotes, so doubling ' (the usual escaping) does not defuse it: the file name is a
        // number added to the temp folder's path.
        var number = Path.GetFileName(_marker);
        var key = $"Name{quote}+([IO.File]::WriteAllText([IO.Path]::GetTempPath()+{number},1))+($global:AluInjected=1)+{quote}";
        var parameters = Invocations.Parameters(("Params", new Dictionary<string, object?>(StringComparer.Ordinal) { ["key"] = key }));

        await _host.InvokeAsync(Invocations.Of(script, StepTarget.Orchestrator, parameters), CancellationToken.None);
        var leftover = await _host.InvokeAsync(Invocations.Of("$null -eq $global:AluInjected", StepTarget.Orchestrator), CancellationToken.None);

        File.Exists(_marker).Should().BeFalse("the value {0} must stay a property name", key);
        leftover.Output.Should().Equal(true);
    }
}
