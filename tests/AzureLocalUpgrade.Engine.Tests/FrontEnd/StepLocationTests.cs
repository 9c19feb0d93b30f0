using AzureLocalUpgrade.Engine.Validation;

namespace AzureLocalUpgrade.Engine.Tests.FrontEnd;

/// <summary>Schema messages name a step by its id (group/child), as every other message does, not by its JSON path.</summary>
public sealed class StepLocationTests : IDisposable
{
    private const string Header = "apiVersion: azurelocal.upgrade/v1\nkind: Runbook\nmetadata: { name: case, version: 1.0.0, upgrade: { from: 22H2, to: 23H2 }, method: custom }\n";

    private readonly DirectoryInfo _folder = Directory.CreateTempSubdirectory("alu-step-location-");

    [Theory]
    [InlineData("steps:\n  - id: only\n    retry: { attempts: 0 }\n    powershell: { script: Get-ClusterNode }\n",
        "retry.attempts of step 'only' is 0; the minimum is 1.")]
    [InlineData("steps:\n  - id: rolling\n    forEach: node\n    steps:\n      - id: drain\n        powershell: { on: nodes, script: Get-ClusterNode }\n",
        "powershell.on of step 'rolling/drain' is 'nodes', which is not one of: orchestrator, node, cluster.")]
    [InlineData("steps:\n  - id: only\n    timout: 5m\n    powershell: { script: Get-ClusterNode }\n",
        "'timout' is not a known property of step 'only'.")]
    [InlineData("steps:\n  - id: only\n    powershell: { script: Get-ClusterNode }\n    onFailure:\n      - id: undo\n        check: { severity: fatal, script: '$true' }\n",
        "check.severity of step 'only/undo' is 'fatal', which is not one of: error, warning.")]
    [InlineData("steps:\n  - name: no id\n    powershell: { script: Get-ClusterNode }\n",
        "steps[0] is missing the required property 'id'.")]
    public void A_schema_message_names_the_step_by_its_id(string body, string message)
    {
        var path = Path.Combine(_folder.FullName, "runbook.yaml");
        File.WriteAllText(path, Header + body);

        var diagnostics = RunbookValidation.LoadAndValidate(path).Diagnostics;

        diagnostics.Select(d => d.Message).Should().Contain(message);
    }

    public void Dispose() => _folder.Delete(recursive: true);
}
