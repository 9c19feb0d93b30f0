using AzureLocalUpgrade.Engine.Diagnostics;
using AzureLocalUpgrade.Engine.Validation;

namespace AzureLocalUpgrade.Engine.Tests.FrontEnd;

/// <summary><c>rehearse:</c> belongs to a manual gate: the schema accepts it there and nowhere else, and the loader keeps it with its position.</summary>
public sealed class GateRehearsalLoadingTests
{
    private const string Header = """
        apiVersion: azurelocal.upgrade/v1
        kind: Fragment
        metadata: { name: case, version: 1.0.0 }
        steps:
          - id: install

        """;

    [Fact]
    public void A_gate_with_a_rehearsal_loads_clean_with_the_script_at_its_yaml_position()
    {
        var result = RunbookValidation.LoadAndValidate(TestData.WriteTemp(Header + "    manual:\n      instructions: Install.\n      rehearse: Invoke-CauRun -Force\n"));

        result.Diagnostics.Should().BeEmpty();
        var rehearse = result.Runbook!.Steps.Single().Manual!.Rehearse!;
        rehearse.Value.Should().Be("Invoke-CauRun -Force");
        (rehearse.Span.Line, rehearse.ContentColumn).Should().Be((8, 17));
    }

    [Fact]
    public void A_gate_without_a_rehearsal_has_none()
    {
        var result = RunbookValidation.LoadAndValidate(TestData.WriteTemp(Header + "    manual:\n      instructions: Install.\n"));

        result.Runbook!.Steps.Single().Manual!.Rehearse.Should().BeNull();
    }

    [Fact]
    public void Rehearse_on_a_script_step_is_an_unknown_property()
    {
        var result = RunbookValidation.LoadAndValidate(TestData.WriteTemp(Header + "    powershell:\n      script: Get-ClusterNode\n      rehearse: Invoke-CauRun\n"));

        result.Diagnostics.Should().ContainSingle(d => d.Code == DiagnosticCodes.SchemaUnknownProperty && d.Span.Line == 8);
    }
}
