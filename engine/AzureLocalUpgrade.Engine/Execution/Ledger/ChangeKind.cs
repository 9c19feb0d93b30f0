namespace AzureLocalUpgrade.Engine.Execution.Ledger;

/// <param name="Category">Tags with the same category open and close the same kind of state.</param>
/// <param name="Opens">True when the tag puts its subject into a state the run must later undo.</param>
/// <param name="UndoneBy">The verb for the report: "no onFailure step resumed it".</param>
internal sealed record ChangeKind(string Category, bool Opens, string State, string UndoneBy);
