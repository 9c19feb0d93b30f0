namespace AzureLocalUpgrade.Engine.Execution.Runs;

public sealed record RunDetail(RunSummary Summary, IReadOnlyList<RunStepRow> Steps, IReadOnlyList<string> Leftovers);
