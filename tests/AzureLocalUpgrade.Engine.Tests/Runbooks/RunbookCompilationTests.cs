using AzureLocalUpgrade.Engine.Compilation;
using AzureLocalUpgrade.Engine.Diagnostics;
using AzureLocalUpgrade.Engine.Graph;
using AzureLocalUpgrade.Engine.Inventory;
using AzureLocalUpgrade.Engine.Parameters;
using AzureLocalUpgrade.Engine.Validation;

namespace AzureLocalUpgrade.Engine.Tests.Runbooks;

/// <summary>Every shipped runbook loads without diagnostics and compiles against a sample cluster; order checks on the graph.</summary>
public class RunbookCompilationTests
{
    public static TheoryData<string> Runbooks() => new()
    {
        "22h2-to-23h2/cau.yaml", "22h2-to-23h2/sconfig.yaml", "22h2-to-23h2/offline.yaml", "22h2-to-23h2/wac.yaml",
        "22h2-to-24h2/cau.yaml", "22h2-to-24h2/sconfig.yaml", "22h2-to-24h2/offline.yaml",
        "23h2-to-24h2/cau.yaml", "23h2-to-24h2/sconfig.yaml", "23h2-to-24h2/offline.yaml",
        "post-upgrade/23h2.yaml", "post-upgrade/24h2.yaml",
    };

    [Theory]
    [MemberData(nameof(Runbooks))]
    public void Loads_without_diagnostics_and_compiles(string file)
    {
        var graph = Compile(file, "four-node-22h2.yaml", []);

        graph.Steps.Should().NotBeEmpty();
    }

    [Fact]
    public void The_custom_sample_loads_without_diagnostics()
    {
        var result = RunbookValidation.LoadAndValidate(Path.Combine(RepositoryPaths.Root, "samples", "custom", "vendor-firmware-sconfig.yaml"));

        result.Diagnostics.Should().BeEmpty();
    }

    [Fact]
    public void Sconfig_drains_updates_then_resumes_each_node_one_at_a_time()
    {
        var graph = Compile("22h2-to-23h2/sconfig.yaml", "two-node-22h2.yaml", []);
        var order = graph.Steps.Select(s => s.Id).ToList();

        foreach (var node in new[] { "hci02-n1", "hci02-n2" })
        {
            var prefix = $"update-from-windows-update/node[{node}]/";
            var drain = order.IndexOf(prefix + "drain/drain");
            var update = order.IndexOf(prefix + "feature-update/from-windows-update");
            var resume = order.IndexOf(prefix + "return/resume");
            drain.Should().BeGreaterThan(-1);
            update.Should().BeGreaterThan(drain);
            resume.Should().BeGreaterThan(update);
        }

        graph.Step("update-from-windows-update/node[hci02-n1]/drain/drain").Tags.Should().Contain("pauses-node");
        graph.Step("update-from-windows-update/node[hci02-n1]/return/resume").Tags.Should().Contain("resumes-node");
    }

    [Fact]
    public void Media_parameter_switches_the_feature_update_source()
    {
        var graph = Compile("22h2-to-23h2/sconfig.yaml", "two-node-22h2.yaml", ["wuConnected=false"]);

        graph.Step("update-from-windows-update/node[hci02-n1]/feature-update/from-windows-update").SkippedReason.Should().NotBeNull();
        graph.Step("update-from-media/node[hci02-n1]/feature-update/from-media").SkippedReason.Should().BeNull();
    }

    [Fact]
    public void Registry_values_are_set_before_any_node_restarts()
    {
        var order = Compile("22h2-to-24h2/cau.yaml", "two-node-22h2.yaml", []).Steps.Select(s => s.Id).ToList();

        order.IndexOf("registry-keys/set[hci02-n2]/refs-metadata-validation")
            .Should().BeLessThan(order.IndexOf("registry-keys/restart[hci02-n1]/restart/restart"));
    }

    [Fact]
    public void The_orchestrator_os_comes_from_the_inventory_without_a_set()
    {
        var graph = Compile("22h2-to-23h2/cau.yaml", "four-node-22h2.yaml", []);

        graph.Parameters["orchestratorOs"].Should().Be("Windows Server 2022");
    }

    [Fact]
    public void A_set_orchestrator_os_overrides_the_inventory()
    {
        var graph = Compile("22h2-to-23h2/cau.yaml", "four-node-22h2.yaml", ["orchestratorOs=Windows Server 2019"]);

        graph.Parameters["orchestratorOs"].Should().Be("Windows Server 2019");
    }

    internal static StepGraph Compile(string file, string sample, IReadOnlyList<string> set)
    {
        var result = RunbookValidation.LoadAndValidate(Path.Combine(RepositoryPaths.Runbooks, file));
        result.Diagnostics.Should().BeEmpty();
        var bag = new DiagnosticBag();
        var cluster = InventoryLoader.Load(RepositoryPaths.Sample(sample), bag);
        var parameters = ParameterBinder.Bind(result.Runbook!, set, null, bag, cluster);
        bag.Items.Should().BeEmpty();

        var graph = new StepGraphCompiler().Compile(result.Runbook!, parameters, cluster!, bag);

        bag.Items.Where(d => d.IsError).Should().BeEmpty();
        return graph!;
    }
}
