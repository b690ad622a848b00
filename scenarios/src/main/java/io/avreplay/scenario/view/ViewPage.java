package io.avreplay.scenario.view;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * The page's HTML from the bundled resources ({@code viewer.html}, {@code .css}, {@code .js}), with the
 * CSS and script inlined. Served: the script fetches {@code data.json} and images from {@code image/N}.
 * Static: the data, and every image as a {@code data:} URI, are inlined too, so the file opens offline.
 * Stateless and thread-safe.
 */
final class ViewPage {
    private static final ObjectMapper JSON = new ObjectMapper();

    private ViewPage() {
    }

    /** @return the served page (data fetched from {@code data.json}) */
    static String served(ViewModel model) {
        return page(model, "");
    }

    /** @return the data document of the served page, images as {@code image/N} URLs */
    static byte[] servedData(ViewModel model) {
        ObjectNode json = model.json();
        ArrayNode images = json.putArray("images");
        for (int i = 0; i < model.images().size(); i++) {
            images.add("image/" + i);
        }
        try {
            return JSON.writeValueAsBytes(json);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write the viewer data: " + e.getMessage(), e);
        }
    }

    /** @return one self-contained page: data and images inlined */
    static String standalone(ViewModel model) {
        ObjectNode json = model.json();
        ArrayNode images = json.putArray("images");
        for (ViewModel.Image im : model.images()) {
            images.add("data:" + im.mimeType() + ";base64," + Base64.getEncoder().encodeToString(im.bytes()));
        }
        String text;
        try {
            text = JSON.writeValueAsString(json);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write the viewer data: " + e.getMessage(), e);
        }
        // JSON never has '<' outside strings; escaping it inside strings keeps "</script>" out of the element
        String safe = text.replace("<", "\\u003c");
        return page(model, "<script id=\"avreplay-data\" type=\"application/json\">" + safe + "</script>");
    }

    private static String page(ViewModel model, String dataElement) {
        String title = model.json().path("log").path("id").asText("log");
        return resource("viewer.html")
                .replace("@TITLE@", escape(title))
                .replace("@CSS@", resource("viewer.css"))
                .replace("@DATA@", dataElement)
                .replace("@JS@", resource("viewer.js"));
    }

    static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }

    private static String resource(String name) {
        try (InputStream in = ViewPage.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("resource " + name + " is missing from the jar");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read resource " + name, e);
        }
    }
}
