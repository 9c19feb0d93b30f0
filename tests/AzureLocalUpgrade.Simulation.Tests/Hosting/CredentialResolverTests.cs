using System.Net;
using AzureLocalUpgrade.Engine.Inventory;
using AzureLocalUpgrade.PowerShell.Targets;

namespace AzureLocalUpgrade.Simulation.Tests.Hosting;

/// <summary>Credential references resolve from the environment or a file; failures name the reference, never a value.</summary>
public sealed class CredentialResolverTests : IDisposable
{
    private const string User = @"CONTOSO\hciadmin";
    private readonly string _folder = Directory.CreateTempSubdirectory("alu-credentials-").FullName;
    private readonly Dictionary<string, string?> _environment = new(StringComparer.Ordinal);

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public void PasswordEnv_ShouldGiveACredential_WithThePasswordAsSecureString()
    {
        _environment["ALU_HCI01_PASSWORD"] = "Pa55-from-env";

        var credential = Resolver().Resolve(new CredentialReference(User, "ALU_HCI01_PASSWORD", null, null));

        credential.UserName.Should().Be(User);
        new NetworkCredential("", credential.Password).Password.Should().Be("Pa55-from-env");
    }

    [Theory]
    [InlineData("Pa55-from-file\n")]
    [InlineData("Pa55-from-file\r\n")]
    [InlineData("Pa55-from-file")]
    public void PasswordFile_ShouldGiveThePassword_WithoutItsTrailingNewline(string content)
    {
        File.WriteAllText(Path.Combine(_folder, "hci01.secret"), content);

        var credential = Resolver().Resolve(new CredentialReference(User, null, "hci01.secret", null));

        new NetworkCredential("", credential.Password).Password.Should().Be("Pa55-from-file");
    }

    [Fact]
    public void MissingEnvironmentVariable_ShouldNameTheVariable()
    {
        var act = () => Resolver().Resolve(new CredentialReference(User, "ALU_HCI01_PASSWORD", null, null));

        act.Should().Throw<CredentialUnavailableException>().Which.Message.Should().Contain("ALU_HCI01_PASSWORD").And.Contain(User);
    }

    [Fact]
    public void MissingPasswordFile_ShouldNameTheFile()
    {
        var act = () => Resolver().Resolve(new CredentialReference(User, null, "absent.secret", null));

        act.Should().Throw<CredentialUnavailableException>().Which.Message.Should().Contain(Path.Combine(_folder, "absent.secret"));
    }

    [Fact]
    public void EmptyPasswordFile_ShouldBeRefused_NamingTheFile()
    {
        File.WriteAllText(Path.Combine(_folder, "empty.secret"), "\n");

        var act = () => Resolver().Resolve(new CredentialReference(User, null, "empty.secret", null));

        act.Should().Throw<CredentialUnavailableException>().Which.Message.Should().Contain("empty.secret").And.Contain("empty");
    }

    [Fact]
    public void CredentialStore_ShouldBeRefusedOffWindows_SayingWhatToUseInstead()
    {
        if (OperatingSystem.IsWindows())
        {
            return; // there the store is read for real; this case is about every other OS
        }

        var act = () => Resolver().Resolve(new CredentialReference(User, null, null, "hci01"));

        act.Should().Throw<CredentialUnavailableException>().Which.Message.Should().Contain("hci01").And.Contain("passwordEnv");
    }

    [Fact]
    public void ProcessEnvironment_ShouldBeTheDefaultSource()
    {
        var variable = "ALU_TEST_PASSWORD_" + Guid.NewGuid().ToString("N");
        Environment.SetEnvironmentVariable(variable, "Pa55-process");
        try
        {
            var credential = new CredentialResolver().Resolve(new CredentialReference(User, variable, null, null));

            new NetworkCredential("", credential.Password).Password.Should().Be("Pa55-process");
        }
        finally
        {
            Environment.SetEnvironmentVariable(variable, null);
        }
    }

    private CredentialResolver Resolver() => new(_folder, name => _environment.GetValueOrDefault(name));
}
