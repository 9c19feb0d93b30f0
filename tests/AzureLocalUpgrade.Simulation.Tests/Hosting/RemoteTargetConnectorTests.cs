using System.Management.Automation.Runspaces;
using AzureLocalUpgrade.Engine.Graph;
using AzureLocalUpgrade.Engine.Inventory;
using AzureLocalUpgrade.Engine.Model;
using AzureLocalUpgrade.PowerShell.Hosting;
using AzureLocalUpgrade.PowerShell.Targets;
using AzureLocalUpgrade.Simulation.Tests.Support;

namespace AzureLocalUpgrade.Simulation.Tests.Hosting;

/// <summary>
/// The connection each target would use on a real cluster. Opening real WinRM/SSH sessions needs Windows hosts,
/// so these check what can be checked without them: addresses, ports, transports, credentials, orchestrator.
/// </summary>
public sealed class RemoteTargetConnectorTests
{
    private const string PasswordVariable = "ALU_HCI01_PASSWORD";

    [Theory]
    [InlineData(null, 5985, "http")]
    [InlineData(5986, 5986, "https")]
    [InlineData(15985, 15985, "http")]
    public void WinRm_ShouldConnectToTheNodeAddress_OnTheInventoryPort(int? port, int expectedPort, string scheme)
    {
        var connector = Connector(new ConnectionSpec(false, "winrm", port, new CredentialReference(@"CONTOSO\hciadmin", PasswordVariable, null, null)));

        var info = connector.ConnectionFor(StepTarget.OnNode("hci01-n2"));

        var wsman = info.Should().BeOfType<WSManConnectionInfo>().Subject;
        wsman.ComputerName.Should().Be("10.0.0.12");
        wsman.Port.Should().Be(expectedPort);
        wsman.Scheme.Should().Be(scheme);
        wsman.Credential!.UserName.Should().Be(@"CONTOSO\hciadmin");
    }

    [Fact]
    public void Ssh_ShouldUseUserHostPortAndKeyFile()
    {
        var connector = Connector(new ConnectionSpec(false, "ssh", 2222, new CredentialReference("hciadmin", null, null, null, "/keys/hci01_ed25519")));

        var info = connector.ConnectionFor(new StepTarget(TargetKind.Cluster, "hci01-n2"));

        var ssh = info.Should().BeOfType<SSHConnectionInfo>().Subject;
        ssh.ComputerName.Should().Be("10.0.0.12");
        ssh.UserName.Should().Be("hciadmin");
        ssh.Port.Should().Be(2222);
        ssh.KeyFilePath.Should().Be("/keys/hci01_ed25519");
    }

    [Fact]
    public void NodeWithoutAddress_ShouldBeReachedByName()
    {
        var connector = Connector(new ConnectionSpec(false, "winrm", null, new CredentialReference("hciadmin", PasswordVariable, null, null)));

        connector.ConnectionFor(StepTarget.OnNode("hci01-n1")).ComputerName.Should().Be("hci01-n1");
    }

    [Fact]
    public void MissingPassword_ShouldFailNamingTheReference()
    {
        var connector = Connector(
            new ConnectionSpec(false, "winrm", null, new CredentialReference("hciadmin", PasswordVariable, null, null)),
            environment: _ => null);

        var act = () => connector.ConnectionFor(StepTarget.OnNode("hci01-n1"));

        act.Should().Throw<CredentialUnavailableException>().Which.Message.Should().Contain(PasswordVariable);
    }

    [Fact]
    public void UnknownNode_ShouldBeRefused_ListingTheNodes()
    {
        var connector = Connector(new ConnectionSpec(false, "winrm", null, new CredentialReference("hciadmin", PasswordVariable, null, null)));

        var act = () => connector.ConnectionFor(StepTarget.OnNode("hci99-n1"));

        act.Should().Throw<ArgumentException>().Which.Message.Should().Contain("hci01-n1, hci01-n2");
    }

    [Fact]
    public void Orchestrator_ShouldGetALocalRunspace_WithTheEnginePrelude()
    {
        var connector = Connector(new ConnectionSpec(false, "winrm", null, new CredentialReference("hciadmin", PasswordVariable, null, null)));

        using var runspace = connector.Open(StepTarget.Orchestrator, EngineSessionState.Create());

        runspace.ConnectionInfo.Should().BeNull();
        connector.IsAlive(StepTarget.Orchestrator, runspace).Should().BeTrue();
        runspace.InitialSessionState.Commands[WriteAluLog.FunctionName].Should().NotBeEmpty();
    }

    [Fact]
    public void LocalConnector_ShouldRefuseNodeTargets()
    {
        var act = () => new LocalTargetConnector().Open(StepTarget.OnNode("hci01-n1"), EngineSessionState.Create());

        act.Should().Throw<ArgumentException>().Which.Message.Should().Contain("hci01-n1");
    }

    private static RemoteTargetConnector Connector(ConnectionSpec connection, Func<string, string?>? environment = null)
    {
        var inventory = TestInventories.Cluster(nodes: 2) with { Connection = connection };
        inventory = inventory with { Nodes = [inventory.Nodes[0], inventory.Nodes[1] with { Address = "10.0.0.12" }] };
        return new RemoteTargetConnector(inventory, new CredentialResolver(null, environment ?? (name => name == PasswordVariable ? "Pa55" : null)));
    }
}
