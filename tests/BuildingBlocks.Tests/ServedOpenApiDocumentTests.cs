using System.Net;
using System.Text;
using Xunit.Sdk;

namespace Cro.BuildingBlocks.Tests;

/// <summary>
/// The checks every service's OpenAPI document goes through fail where a partner would be misled: on a document
/// and answers served here that are wrong in one way each.
/// </summary>
public sealed class ServedOpenApiDocumentTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private const string Document = """
        {
          "openapi": "3.1.1",
          "paths": {
            "/api/demo/things": {
              "get": {
                "responses": {
                  "200": { "content": { "application/json": { "schema": { "type": "array", "items": { "$ref": "#/components/schemas/Thing" } } } } },
                  "401": { "content": { "application/problem+json": { "schema": { "$ref": "#/components/schemas/ProblemDetails" } } } },
                  "403": { "content": { "application/problem+json": { "schema": { "$ref": "#/components/schemas/ProblemDetails" } } } }
                },
                "security": [ { "bearer": [ "operator" ] } ]
              }
            },
            "/api/demo/things/{id}": {
              "get": {
                "parameters": [ { "name": "id", "in": "path", "required": true, "schema": { "type": "string", "format": "uuid" } } ],
                "responses": { "200": { "content": { "application/json": { "schema": { "$ref": "#/components/schemas/Thing" } } } } },
                "security": []
              }
            }
          },
          "components": {
            "schemas": {
              "Thing": {
                "required": [ "id", "count", "at" ],
                "type": "object",
                "properties": { "id": { "type": "string", "format": "uuid" }, "count": { "type": "integer", "format": "int32" }, "at": { "type": "string", "format": "date-time" } }
              },
              "ProblemDetails": { "type": "object", "properties": { "title": { "type": [ "null", "string" ] } } }
            }
          }
        }
        """;

    private const string Thing = """{"id":"0199a000-0000-7000-8000-000000000001","count":3,"at":"2027-03-01T10:00:00+00:00"}""";

    [Fact]
    public async Task Answers_as_documented_pass()
    {
        var (document, client) = await ServeAsync(Document, new() { ["/api/demo/things"] = (200, $"[{Thing}]") });

        var statuses = await document.AssertAnswersAsync(client, ["/api/demo/things"], Ct);

        Assert.Equal(200, statuses["/api/demo/things"]);
        document.AssertWellFormed();
    }

    [Theory]
    [InlineData(200, """[{"id":"0199a000-0000-7000-8000-000000000001","count":"3","at":"2027-03-01T10:00:00+00:00"}]""", "type")]
    [InlineData(200, """[{"id":"0199a000-0000-7000-8000-000000000001","count":3,"at":"2027-03-01T10:00:00+00:00","secret":1}]""", "additionalProperties")]
    [InlineData(200, """[{"id":"0199a000-0000-7000-8000-000000000001","count":3,"at":"1 March 2027"}]""", "format")]
    [InlineData(200, """[{"id":"0199a000-0000-7000-8000-000000000001","at":"2027-03-01T10:00:00+00:00"}]""", "required")]
    [InlineData(404, """{"title":"Not found"}""", "status 404 is not documented")]
    public async Task An_answer_the_document_does_not_describe_fails(int status, string body, string expected)
    {
        var (document, client) = await ServeAsync(Document, new() { ["/api/demo/things"] = (status, body) });

        var failure = await Assert.ThrowsAsync<TrueException>(() => document.AssertAnswersAsync(client, ["/api/demo/things"], Ct));

        Assert.Contains(expected, failure.Message);
    }

    [Theory]
    [InlineData("\"Thing\"", "\"Thing2\"", "ends in a digit")]
    [InlineData("\"Thing\"", "\"Response\"", "a generic name")]
    [InlineData("\"count\": { \"type\": \"integer\"", "\"count\": { \"type\": [ \"integer\", \"string\" ]", "may also be a string")]
    [InlineData("\"security\": []", "\"x-none\": []", "no security")]
    [InlineData("\"401\": {", "\"418\": {", "does not document 401")]
    public async Task A_document_that_would_mislead_a_partner_fails(string part, string replacement, string expected)
    {
        var wrong = Document.Replace(part, replacement, StringComparison.Ordinal).Replace("#/components/schemas/" + part.Trim('"'), "#/components/schemas/" + replacement.Trim('"'), StringComparison.Ordinal);
        var (document, _) = await ServeAsync(wrong, []);

        var failure = Assert.Throws<TrueException>(document.AssertWellFormed);

        Assert.Contains(expected, failure.Message);
    }

    [Fact]
    public async Task Unknown_ids_are_sent_where_a_path_has_parameters()
    {
        var (document, _) = await ServeAsync(Document, []);

        var path = Assert.Single(document.PathsForNothing());

        Assert.Matches("^/api/demo/things/[0-9a-f-]{36}$", path);
        Assert.Equal(["/api/demo/things"], document.PathsWithoutParameters());
    }

    private static async Task<(ServedOpenApiDocument, HttpClient)> ServeAsync(string document, Dictionary<string, (int Status, string Body)> answers)
    {
        var client = new HttpClient(new Answers(document, answers)) { BaseAddress = new Uri("http://demo.test") };
        return (await ServedOpenApiDocument.FetchAsync(client, "demo", Ct), client);
    }

    private sealed class Answers(string document, Dictionary<string, (int Status, string Body)> answers) : HttpMessageHandler
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            var path = request.RequestUri!.AbsolutePath;
            var (status, body) = path == "/api/demo/openapi/v1.json" ? (200, document) : answers[path];
            var mediaType = status >= 400 ? "application/problem+json" : "application/json";
            return Task.FromResult(new HttpResponseMessage((HttpStatusCode)status) { Content = new StringContent(body, Encoding.UTF8, mediaType) });
        }
    }
}
