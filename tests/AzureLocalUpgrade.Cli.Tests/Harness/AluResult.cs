namespace AzureLocalUpgrade.Cli.Tests.Harness;

public sealed record AluResult(int ExitCode, string StandardOutput, string StandardError)
{
    public override string ToString() => $"exit {ExitCode}\n--- stdout\n{StandardOutput}\n--- stderr\n{StandardError}";
}
