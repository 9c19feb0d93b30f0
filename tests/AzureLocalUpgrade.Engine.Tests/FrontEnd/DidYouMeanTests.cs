using AzureLocalUpgrade.Engine.Diagnostics;
using AzureLocalUpgrade.Engine.Inventory;
using AzureLocalUpgrade.Engine.Parameters;
using AzureLocalUpgrade.Engine.Validation;

namespace AzureLocalUpgrade.Engine.Tests.FrontEnd;

/// <summary>
/// An unknown key one typo away from a known one is answered with "Did you mean", by edit distance against the names
/// that are allowed there: schema properties of runbooks and inventories, declared parameters and fragment inputs,
/// sibling step ids and import aliases.
/// </summary>
public sealed class DidYouMeanTests : IDisposable
{
    private const string Header = "apiVersion: azurelocal.upgrade/v1\nkind: Runbook\nmetadata: { name: case, version: 1.0.0, upgrade: { from: 22H2, to: 23H2 }, method: custom }\n";

    private readonly DirectoryInfo _folder = Directory.CreateTempSubdirectory("alu-did-you-mean-");

    [Theory]
    [InlineData("steps:\n  - id: only\n    timout: 5m\n    powershell: { script: Get-ClusterNode }\n", "ALU1102", "Did you mean 'timeout'?")]
    [InlineData("steps:\n  - id: only\n    powershel: { script: Get-ClusterNode }\n", "ALU1102", "Did you mean 'powershell'?")]
    [InlineData("steps:\n  - id: drain\n    powershell: { script: Get-ClusterNode }\n  - id: after\n    needs: [drian]\n    powershell: { script: Get-ClusterNode }\n", "ALU2002", "Did you mean 'drain'?")]
    [InlineData("imports:\n  - { as: registry, fragment: fragment.yaml }\nsteps:\n  - id: keys\n    use: registy\n", "ALU2004", "Did you mean 'registry'?")]
    [InlineData("imports:\n  - { as: registry, fragment: fragment.yaml }\nsteps:\n  - id: keys\n    use: registry\n    with: { tagret: 23H2 }\n", "ALU2006", "Did you mean 'target'?")]
    public void A_runbook_key_one_typo_away_names_the_known_one(string body, string code, string suggestion)
    {
        File.WriteAllText(Path.Combine(_folder.FullName, "fragment.yaml"),
            "apiVersion: azurelocal.upgrade/v1\nkind: Fragment\nmetadata: { name: frag, version: 1.0.0 }\ninputs:\n  target: { type: string }\nsteps:\n  - id: one\n    powershell: { script: Get-ClusterNode }\n");
        var path = Write("runbook.yaml", Header + body);

        var diagnostics = RunbookValidation.LoadAndValidate(path).Diagnostics;

        diagnostics.Should().ContainSingle(d => d.Code == code).Which.Hint.Should().StartWith(suggestion);
    }

    [Fact]
    public void A_key_far_from_every_known_one_gets_no_suggestion()
    {
        var path = Write("runbook.yaml", Header + "steps:\n  - id: only\n    flavour: vanilla\n    powershell: { script: Get-ClusterNode }\n");

        var diagnostics = RunbookValidation.LoadAndValidate(path).Diagnostics;

        diagnostics.Should().ContainSingle(d => d.Code == "ALU1102").Which.Hint.Should().StartWith("Allowed here:");
    }

    [Fact]
    public void An_inventory_key_one_typo_away_names_the_known_one()
    {
        var path = Write("cluster.yaml", "apiVersion: azurelocal.upgrade/v1\nkind: Cluster\nname: hci01\nconnection: { simulated: true }\nnods:\n  - { name: hci01-n1, build: '20349.3692' }\n");
        var bag = new DiagnosticBag();

        InventoryLoader.Load(path, bag);

        bag.Items.Should().Contain(d => d.Code == "ALU1102").Which.Hint.Should().StartWith("Did you mean 'nodes'?");
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void A_parameter_name_one_typo_away_names_the_declared_one(bool fromParamsFile)
    {
        var runbook = RunbookValidation.LoadAndValidate(Write("runbook.yaml", Header
            + "parameters:\n  maxRetries: { type: int, default: 3 }\nsteps:\n  - id: only\n    powershell: { script: Get-ClusterNode }\n")).Runbook!;
        var paramsFile = fromParamsFile ? Write("params.yaml", "maxRetrys: 4\n") : null;
        var bag = new DiagnosticBag();

        ParameterBinder.Bind(runbook, fromParamsFile ? [] : ["maxRetrys=4"], paramsFile, bag);

        bag.Items.Should().ContainSingle(d => d.Code == "ALU2305").Which.Hint.Should().Be("Did you mean 'maxRetries'?");
    }

    public void Dispose() => _folder.Delete(recursive: true);

    private string Write(string name, string text)
    {
        var path = Path.Combine(_folder.FullName, name);
        File.WriteAllText(path, text);
        return path;
    }
}
