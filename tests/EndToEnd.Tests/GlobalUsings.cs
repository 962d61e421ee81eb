// The namespaces most of this project's files use, imported once here instead of at the top of each file.
global using System.Text.Json;
global using Cro.Tests.Infrastructure;
global using Microsoft.Playwright;
