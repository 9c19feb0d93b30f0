namespace AzureLocalUpgrade.Cli.Tests.Harness;

/// <summary>
/// How alu starts out treating signals, by name (HUP, TERM, ...): at their default disposition, ignored (as under
/// nohup), or, for any not listed, as the test process itself treats them.
/// </summary>
public sealed record SignalDispositions(IReadOnlyList<string> Default, IReadOnlyList<string> Ignored)
{
    public static SignalDispositions Inherited { get; } = new([], []);
}
