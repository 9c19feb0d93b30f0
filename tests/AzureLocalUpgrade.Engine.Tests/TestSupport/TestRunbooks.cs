using AzureLocalUpgrade.Engine.Model;
using AzureLocalUpgrade.Engine.Text;

namespace AzureLocalUpgrade.Engine.Tests.TestSupport;

/// <summary>Runbook and fragment documents built in code around a list of steps.</summary>
internal static class TestRunbooks
{
    public static Runbook Of(params StepDefinition[] steps) => With([], steps);

    public static Runbook With(IReadOnlyList<ImportDefinition> imports, params StepDefinition[] steps) => new(
        "azurelocal.upgrade/v1", RunbookKind.Runbook,
        new RunbookMetadata("test-runbook", "1.0.0", null, new UpgradePath("22H2", "23H2"), "sconfig", SourceSpan.None),
        [], imports, steps, "", SourceSpan.None);

    public static Runbook Fragment(IReadOnlyList<ParameterDefinition> inputs, params StepDefinition[] steps) => new(
        "azurelocal.upgrade/v1", RunbookKind.Fragment,
        new RunbookMetadata("test-fragment", "1.0.0", null, null, null, SourceSpan.None),
        inputs, [], steps, "", SourceSpan.None);

    public static ParameterDefinition Input(string name, object? defaultValue = null, ParameterType type = ParameterType.String) =>
        new(name, type, null, defaultValue, defaultValue is null, [], null, SourceSpan.None);

    public static ImportDefinition Import(string alias, Runbook fragment, params (string Name, string Value)[] with) =>
        new(alias, $"{alias}.yaml", $"{alias}.yaml", Steps.Values(with), fragment, SourceSpan.None);
}
