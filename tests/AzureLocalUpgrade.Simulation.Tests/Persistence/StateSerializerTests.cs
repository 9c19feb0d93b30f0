using System.Buffers;
using System.Text.Json;
using System.Text.Json.Serialization;
using AzureLocalUpgrade.Simulation.Persistence;
using AzureLocalUpgrade.Simulation.Tests.Support;

namespace AzureLocalUpgrade.Simulation.Tests.Persistence;

/// <summary>
/// simulation.json keeps its bytes now that it is written by compile-time metadata instead of the reflection
/// serializer: a file saved by an earlier alu reads back to the same state and saves again to the same bytes, so a
/// run killed before an upgrade of alu resumes against the same twin.
/// </summary>
public sealed class StateSerializerTests
{
    /// <summary>The reflection serializer and options simulation.json was written with before (the reference).</summary>
    private static readonly JsonSerializerOptions ReflectionOptions = new()
    {
        WriteIndented = true,
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        Converters = { new JsonStringEnumConverter() },
        TypeInfoResolver = new System.Text.Json.Serialization.Metadata.DefaultJsonTypeInfoResolver(),
    };

    private const string CauRun =
        "try { Invoke-CauRun -ClusterName hci01 -CauPluginName Microsoft.RollingUpgradePlugin -CauPluginArguments @{'WuConnected'='true'} -EnableFirewallRules -Force } catch { }";

    public static TheoryData<string> Scenarios() =>
        ["none", "aks-arc-present", "cau-fails-on-node", "solution-deployed", "stretch-cluster", "stuck-storage-job"];

    [Theory]
    [MemberData(nameof(Scenarios))]
    public void SavedFile_ShouldHoldTheBytesTheReflectionSerializerWrites(string scenario)
    {
        using var sim = TwinAfterACauRun(scenario);

        var onDisk = File.ReadAllBytes(sim.Cluster.StateFilePath);

        var state = sim.Cluster.Read(s => s);
        onDisk.Should().Equal(JsonSerializer.SerializeToUtf8Bytes(state, ReflectionOptions));
    }

    [Theory]
    [MemberData(nameof(Scenarios))]
    public void FileWrittenByTheReflectionSerializer_ShouldReadBackAndSaveToTheSameBytes(string scenario)
    {
        using var sim = TwinAfterACauRun(scenario);
        var written = JsonSerializer.SerializeToUtf8Bytes(sim.Cluster.Read(s => s), ReflectionOptions);

        var state = StateSerializer.Deserialize(written);
        var buffer = new ArrayBufferWriter<byte>();
        StateSerializer.Serialize(state, buffer);

        buffer.WrittenSpan.ToArray().Should().Equal(written);
    }

    private static SimulatorHarness TwinAfterACauRun(string scenario)
    {
        var sim = new SimulatorHarness(scenario: scenario == "none" ? null : Samples.Scenario(scenario));
        foreach (var node in sim.Inventory.Nodes)
        {
            sim.RunOn(node.Name, "Set-WSManQuickConfig -Force; Enable-PSRemoting -Force");
        }

        sim.RunOn(null, CauRun);
        return sim;
    }
}
