using Cro.Notifications.Features.Delivery;
using MailKit.Security;

namespace Cro.Notifications.Tests;

/// <summary><c>ConnectionStrings:smtp</c>: smtp:// without TLS, smtps:// with it, credentials in the user-info.</summary>
public sealed class SmtpEndpointTests
{
    [Theory]
    [InlineData("smtp://localhost:1025", "localhost", 1025, SecureSocketOptions.None)]
    [InlineData("smtp://mail.example.pl", "mail.example.pl", 25, SecureSocketOptions.None)]
    [InlineData("smtps://mail.example.pl", "mail.example.pl", 465, SecureSocketOptions.SslOnConnect)]
    [InlineData("smtps://mail.example.pl:465", "mail.example.pl", 465, SecureSocketOptions.SslOnConnect)]
    [InlineData("smtps://mail.example.pl:587", "mail.example.pl", 587, SecureSocketOptions.StartTls)]
    [InlineData("SMTP://127.0.0.1:2525/", "127.0.0.1", 2525, SecureSocketOptions.None)]
    [InlineData("smtp://[::1]:2525", "::1", 2525, SecureSocketOptions.None)]
    [InlineData("Endpoint=smtp://mailpit:1025", "mailpit", 1025, SecureSocketOptions.None)]
    public void Scheme_host_and_port_choose_where_and_how_to_connect(string value, string host, int port, SecureSocketOptions security)
    {
        var endpoint = SmtpEndpoint.Parse(value);

        Assert.Equal((host, port, security), (endpoint.Host, endpoint.Port, endpoint.Security));
        Assert.Null(endpoint.Credentials);
    }

    [Fact]
    public void User_info_signs_in_with_url_encoded_name_and_password()
    {
        var endpoint = SmtpEndpoint.Parse("smtps://cro%40example.pl:p%40ss%3Aw%C3%B3rd@mail.example.pl:587");

        Assert.Equal(("cro@example.pl", "p@ss:wórd"), (endpoint.Credentials!.UserName, endpoint.Credentials.Password));
        Assert.Equal(("mail.example.pl", 587), (endpoint.Host, endpoint.Port));
    }

    [Fact]
    public void User_without_password_signs_in_with_an_empty_one()
    {
        var endpoint = SmtpEndpoint.Parse("smtp://relay@localhost:25");

        Assert.Equal(("relay", ""), (endpoint.Credentials!.UserName, endpoint.Credentials.Password));
    }

    [Fact]
    public void Printed_endpoint_shows_no_credentials()
    {
        var endpoint = SmtpEndpoint.Parse("smtps://user:secret@mail.example.pl:587");

        Assert.Equal("smtps://mail.example.pl:587", endpoint.ToString());
    }

    [Theory]
    [InlineData("")]
    [InlineData("localhost:25")]
    [InlineData("mail.example.pl")]
    [InlineData("http://mail.example.pl:25")]
    [InlineData("smtp://mail.example.pl:25/inbox")]
    [InlineData("smtp://mail.example.pl:25?tls=true")]
    [InlineData("smtp://user:secret@mail.example.pl:99999")]
    public void Anything_else_is_refused_without_repeating_the_value(string value)
    {
        var error = Assert.Throws<FormatException>(() => SmtpEndpoint.Parse(value));

        Assert.Contains("ConnectionStrings:smtp", error.Message);
        Assert.DoesNotContain("secret", error.Message);
    }
}
