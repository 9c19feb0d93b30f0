namespace AzureLocalUpgrade.Engine.Selection;

/// <param name="Code">Stable kebab-case rule name, e.g. <c>stretch-23h2</c>; tests and JSON output key on it.</param>
public sealed record GuardFinding(FindingKind Kind, string Code, string Message)
{
    public static GuardFinding Refuse(string code, string message) => new(FindingKind.Refusal, code, message);
    public static GuardFinding Warn(string code, string message) => new(FindingKind.Warning, code, message);
    public static GuardFinding Note(string code, string message) => new(FindingKind.Note, code, message);
}
