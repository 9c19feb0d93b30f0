using AzureLocalUpgrade.Engine.Diagnostics;
using AzureLocalUpgrade.Engine.Loading;
using AzureLocalUpgrade.Engine.Schema;
using YamlDotNet.RepresentationModel;

namespace AzureLocalUpgrade.Engine.Tests.Runbooks;

/// <summary>
/// The shipped library: every file passes the runbook schema, and the runbooks keep the documented order and
/// arguments. Until the front end's runbook loader is merged these read the YAML tree, not the typed model.
/// </summary>
public class RunbookLibraryTests
{
    public static TheoryData<string> AllFiles()
    {
        var data = new TheoryData<string>();
        foreach (var file in Directory.EnumerateFiles(RepositoryPaths.Runbooks, "*.yaml", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
        {
            data.Add(Path.GetRelativePath(RepositoryPaths.Runbooks, file).Replace('\\', '/'));
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(AllFiles))]
    public void Every_runbook_and_fragment_passes_the_schema(string file)
    {
        var bag = new DiagnosticBag();
        var source = YamlSourceLoader.Load(Path.Combine(RepositoryPaths.Runbooks, file), bag);

        source.Should().NotBeNull();
        SchemaValidator.Validate(SchemaCatalog.RunbookSchema, YamlToJsonConverter.Convert(source!.Root!), file, bag);
        bag.Items.Should().BeEmpty();
    }

    [Theory]
    [InlineData("fragments/rolling-update.yaml", new[] { "health-gate", "drain", "feature-update", "restart", "at-target-build", "return" })]
    [InlineData("fragments/drain-node.yaml", new[] { "drain", "nothing-runs-here" })]
    [InlineData("fragments/return-node.yaml", new[] { "storage-repaired", "resume" })]
    [InlineData("fragments/registry-keys.yaml", new[] { "refs-metadata-validation", "vid-parameters-key", "skip-small-local-allocations", "health-gate", "drain", "toggle-refs-key", "refs-volumes-online", "values-kept", "return" })]
    public void Steps_come_in_the_documented_order(string file, string[] order)
    {
        var ids = StepIds(Load(file)).ToList();

        ids.Where(order.Contains).Should().Equal(order);
    }

    [Theory]
    [InlineData("22h2-to-23h2/sconfig.yaml")]
    [InlineData("22h2-to-23h2/cau.yaml")]
    [InlineData("22h2-to-24h2/offline.yaml")]
    [InlineData("23h2-to-24h2/cau.yaml")]
    public void Registry_keys_are_set_before_the_feature_update(string file)
    {
        var ids = TopLevelIds(Load(file)).ToList();

        ids.IndexOf("guards").Should().Be(0);
        ids.IndexOf("registry-keys").Should().BeLessThan(ids.FindIndex(id => id.StartsWith("update", StringComparison.Ordinal) || id.StartsWith("cau-run", StringComparison.Ordinal) || id == "offline-update"));
        ids.Last().Should().BeOneOf("finish", "stretch-ready");
    }

    [Fact]
    public void Further_updates_are_installed_before_the_status_of_the_update_is_checked()
    {
        // Seed 000 os-23h2, install step 8: "Check for any further updates and install them", then wait for the
        // update to complete and check its status.
        var ids = TopLevelIds(Load("22h2-to-23h2/cau.yaml")).ToList();

        ids.IndexOf("further-updates").Should().BeGreaterThan(ids.IndexOf("feature-update-succeeded")).And.BeLessThan(ids.IndexOf("finish"));
    }

    [Fact]
    public void Wac_disables_CredSSP_as_the_last_step_and_on_failure()
    {
        var root = Load("22h2-to-23h2/wac.yaml");

        TopLevelIds(root).Last().Should().Be("credssp-off");
        var wizard = Steps(root).Single(s => Scalar(s, "id") == "wizard");
        ((YamlSequenceNode)wizard.Children["onFailure"]).Children.OfType<YamlMappingNode>()
            .SelectMany(StepIds).Should().Contain("credssp-off-after-failure");
        Scripts(root).Where(s => s.Contains("Disable-WSManCredSSP", StringComparison.Ordinal)).Should().HaveCount(2);
    }

    [Theory]
    [InlineData("22h2-to-23h2/cau.yaml", "WuConnected = 'true' } -EnableFirewallRules -Force")]
    [InlineData("22h2-to-23h2/cau.yaml", "UpdateClusterFunctionalLevel = 'true' }")]
    [InlineData("22h2-to-24h2/cau.yaml", "-EnableFirewallRules -CauPluginArguments $plugin -ForceSelfUpdate -Force")]
    [InlineData("23h2-to-24h2/cau.yaml", "-EnableFirewallRules -CauPluginArguments $plugin -ForceSelfUpdate -Force")]
    public void Invoke_CauRun_carries_the_documented_arguments(string file, string expected)
    {
        var runs = Scripts(Load(file)).Where(s => s.Contains("Invoke-CauRun", StringComparison.Ordinal)).ToList();

        runs.Should().Contain(s => s.Contains("-CauPluginName Microsoft.RollingUpgradePlugin", StringComparison.Ordinal));
        runs.Should().Contain(s => s.Contains(expected, StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("22h2-to-24h2/cau.yaml")]
    [InlineData("23h2-to-24h2/sconfig.yaml")]
    public void The_24H2_runbooks_have_no_Windows_Update_path(string file)
    {
        var root = Load(file);

        ((YamlMappingNode)root.Children["parameters"]).Children.Keys.Select(k => k.ToString()).Should().NotContain("wuConnected");
        Scripts(root).Should().NotContain(s => s.Contains("WuConnected = 'true'", StringComparison.Ordinal));
    }

    private static YamlMappingNode Load(string file)
    {
        var stream = new YamlStream();
        using var reader = new StreamReader(Path.Combine(RepositoryPaths.Runbooks, file));
        stream.Load(reader);
        return (YamlMappingNode)stream.Documents[0].RootNode;
    }

    private static IEnumerable<YamlMappingNode> Steps(YamlMappingNode node) =>
        node.Children.TryGetValue("steps", out var steps) ? ((YamlSequenceNode)steps).Children.OfType<YamlMappingNode>() : [];

    private static IEnumerable<string> TopLevelIds(YamlMappingNode root) => Steps(root).Select(s => Scalar(s, "id")!);

    /// <summary>Step ids depth first, in document order (nested groups and onFailure included).</summary>
    private static IEnumerable<string> StepIds(YamlMappingNode step)
    {
        if (Scalar(step, "id") is { } id)
        {
            yield return id;
        }

        var children = Steps(step).Concat(step.Children.TryGetValue("onFailure", out var f) ? ((YamlSequenceNode)f).Children.OfType<YamlMappingNode>() : []);
        foreach (var nested in children.SelectMany(StepIds))
        {
            yield return nested;
        }
    }

    private static IEnumerable<string> Scripts(YamlNode node) => node switch
    {
        YamlMappingNode map => map.Children.SelectMany(kv => kv.Key.ToString() == "script" && kv.Value is YamlScalarNode s ? [s.Value!] : Scripts(kv.Value)),
        YamlSequenceNode seq => seq.Children.SelectMany(Scripts),
        _ => [],
    };

    private static string? Scalar(YamlMappingNode map, string key) =>
        map.Children.TryGetValue(key, out var value) ? (value as YamlScalarNode)?.Value : null;
}
