using AzureLocalUpgrade.Engine.Diagnostics;
using AzureLocalUpgrade.Engine.Inventory;

namespace AzureLocalUpgrade.Engine.Tests.FrontEnd;

/// <summary>Inventories load into the documented model, with defaults for every omitted fact.</summary>
public sealed class InventoryLoaderTests
{
    private static ClusterInventory Load(string name)
    {
        var bag = new DiagnosticBag();
        var inventory = InventoryLoader.Load(TestData.Valid(name), bag);
        bag.Items.Should().BeEmpty();
        return inventory!;
    }

    [Fact]
    public void Load_FullInventory_ShouldKeepEveryField()
    {
        var inventory = Load("cluster-full.yaml");

        inventory.Name.Should().Be("hci01");
        inventory.Connection.Should().Be(new ConnectionSpec(false, "winrm", 5985, new CredentialReference(@"CONTOSO\hciadmin", "ALU_HCI01_PASSWORD", null, null)));
        inventory.Nodes.Select(n => n.Name).Should().Equal("hci01-n1", "hci01-n2");
        inventory.Nodes[0].NicDrivers.Should().Equal(new NicDriver("Intel", "E810", "1.17.73.0"));
        inventory.Nodes[0].VirtualMachines.Should().Equal("vm-sql01", "vm-web01");
        inventory.Nodes[0].Address.Should().Be("10.0.0.11");
        inventory.Nodes[1].SecureBoot.Should().BeFalse();
        inventory.Facts.Storage.Volumes.Should().HaveCount(2);
    }

    [Fact]
    public void Load_BuildWrittenAsYamlNumber_ShouldKeepTheExactText() =>
        Load("cluster-full.yaml").Nodes[0].Build.Should().Be("20349.3690");

    [Fact]
    public void Load_FourPartBuild_ShouldParseToTheRelease() =>
        Load("cluster-full.yaml").Nodes[1].OsBuild.Should().Be(new OsBuild(20349, 3692));

    [Fact]
    public void Load_MinimalInventory_ShouldApplyTheDocumentedDefaults()
    {
        var inventory = Load("cluster-minimal.yaml");

        inventory.Connection.Simulated.Should().BeTrue();
        inventory.Facts.Should().BeEquivalentTo(new
        {
            Stretch = false,
            SolutionDeployed = false,
            Registered = true,
            Identity = "SystemAssigned",
            CloudManagementGroup = "present",
            AksArc = new AksArcFacts(false, false),
            CauRoleInstalled = true,
            KernelSoftReboot = false,
            CredSspEnabled = false,
            WindowsUpdateAccess = true,
            OrchestratorOs = "Windows Server 2022",
            FunctionalLevel = 11,
        });
        inventory.Facts.Storage.PoolName.Should().Be("S2D on lab");
        inventory.Facts.Storage.Volumes.Should().HaveCount(2).And.OnlyContain(v => v.FileSystem == "CSVFS_ReFS");
        inventory.Nodes.Should().OnlyContain(n => n.State == "Up" && n.SecureBoot && n.Site == null);
    }

    [Fact]
    public void Load_UnknownKey_ShouldBeASchemaErrorAtTheKey()
    {
        var path = TestData.WriteTemp("apiVersion: azurelocal.upgrade/v1\nkind: Cluster\nname: c\nconnection: { simulated: true }\nnodes:\n  - { name: n1, build: 20349.1, sockets: 2 }\n");
        var bag = new DiagnosticBag();

        InventoryLoader.Load(path, bag).Should().BeNull();

        bag.Items.Should().ContainSingle().Which.Should().Match<Diagnostic>(d => d.Code == DiagnosticCodes.SchemaUnknownProperty && d.Span.Line == 6 && d.Span.Column == 33);
    }
}
