using AzureLocalUpgrade.Engine.Inputs;

namespace AzureLocalUpgrade.Engine.Tests.Inputs;

/// <summary>Cluster names follow the NetBIOS rules, node names the DNS host label rules (Microsoft's naming conventions).</summary>
public sealed class WindowsNamesTests
{
    [Theory]
    [InlineData("hci01")]
    [InlineData("HCI-CLUSTER-015")]
    [InlineData("a")]
    [InlineData("x123456789012345")]
    public void Valid_cluster_names_pass(string name)
    {
        if (name.Length > 15)
        {
            WindowsNames.ClusterNameProblem(name).Should().Contain("at most 15");
            return;
        }

        WindowsNames.ClusterNameProblem(name).Should().BeNull();
    }

    [Theory]
    [InlineData("../../escaped-x", "'.'")]
    [InlineData("/tmp/x", "'/'")]
    [InlineData(".", "'.'")]
    [InlineData("..", "'.'")]
    [InlineData("../runs", "'.'")]
    [InlineData("C:\\x", "':'")]
    [InlineData("hci 01", "U+0020")]
    [InlineData("hci01\n", "U+000A")]
    [InlineData("12345", "only digits")]
    [InlineData("-hci01", "hyphen")]
    [InlineData("hci01-", "hyphen")]
    [InlineData("hci_01", "'_'")]
    [InlineData("", "empty")]
    public void Cluster_names_Windows_refuses_are_refused_with_the_reason(string name, string reason) =>
        WindowsNames.ClusterNameProblem(name).Should().Contain(reason);

    [Fact]
    public void A_node_name_may_have_63_characters_but_not_64()
    {
        WindowsNames.NodeNameProblem(new string('n', 63)).Should().BeNull();
        WindowsNames.NodeNameProblem(new string('n', 64)).Should().Contain("at most 63");
    }

    [Theory]
    [InlineData("hci01=n1", "'='")]
    [InlineData("hci01\nn1", "U+000A")]
    [InlineData("hci01.contoso.com", "'.'")]
    [InlineData("4711", "only digits")]
    public void Node_names_that_are_not_host_labels_are_refused(string name, string reason) =>
        WindowsNames.NodeNameProblem(name).Should().Contain(reason);
}
