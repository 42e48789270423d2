package dev.bitbridge.launcher;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;

import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.xml.sax.SAXException;

/**
 * What a module's runnable artifact is built from, read from the repository's Maven poms: the root {@code pom.xml}, and
 * the {@code pom.xml} and {@code src/main} of the module and of every module of the repository it depends on, directly
 * or through another (test dependencies excepted: the script builds without tests). The {@code ./bitbridge} script
 * rebuilds a service when one of these changed since its jar.
 * <p>
 * Reading the poms rather than keeping a list means that a new dependency between modules (the connector on
 * {@code credentials}, say) is noticed without anyone remembering to tell the launcher. Only what the script needs is
 * read: the root's {@code <modules>}, each module's {@code <artifactId>} and its {@code <dependencies>}; versions and
 * profiles do not matter here.
 */
final class BuildInputs {

    /** Each module of the repository (its folder, as listed in the root pom) by its artifactId. */
    private final Map<String, String> moduleByArtifactId = new LinkedHashMap<>();
    /** Each module's non-test dependencies by artifactId, whether they are modules of the repository or not. */
    private final Map<String, List<String>> dependenciesOfModule = new LinkedHashMap<>();

    private BuildInputs() {
    }

    /**
     * @param repository the repository root, holding the aggregating {@code pom.xml}
     * @throws IllegalStateException when a pom cannot be read
     */
    static BuildInputs read(Path repository) {
        BuildInputs inputs = new BuildInputs();
        for (Element module : children(parse(repository.resolve("pom.xml")), "modules", "module")) {
            String folder = module.getTextContent().trim();
            Element project = parse(repository.resolve(folder).resolve("pom.xml"));
            inputs.moduleByArtifactId.put(text(project, "artifactId"), folder);
            List<String> dependencies = new ArrayList<>();
            for (Element dependency : children(project, "dependencies", "dependency")) {
                if (!"test".equals(text(dependency, "scope"))) {
                    dependencies.add(text(dependency, "artifactId"));
                }
            }
            inputs.dependenciesOfModule.put(folder, dependencies);
        }
        return inputs;
    }

    /**
     * @param module a module folder, as the root pom lists it
     * @return paths relative to the repository root: {@code pom.xml}, then {@code <m>/pom.xml} and {@code <m>/src/main}
     *         for the module and each module it depends on
     * @throws IllegalArgumentException if the root pom does not list the module
     */
    List<String> of(String module) {
        if (!dependenciesOfModule.containsKey(module)) {
            throw new IllegalArgumentException(module + " is not a module of the root pom.xml (modules: "
                    + String.join(", ", dependenciesOfModule.keySet()) + ")");
        }
        Set<String> modules = new LinkedHashSet<>();
        Deque<String> pending = new ArrayDeque<>(List.of(module));
        while (!pending.isEmpty()) {
            String next = pending.pop();
            if (modules.add(next)) {
                dependenciesOfModule.get(next).stream().map(moduleByArtifactId::get).filter(Objects::nonNull)
                        .forEach(pending::add);
            }
        }
        List<String> paths = new ArrayList<>(List.of("pom.xml"));
        for (String m : modules) {
            paths.add(m + "/pom.xml");
            paths.add(m + "/src/main");
        }
        return paths;
    }

    private static Element parse(Path pom) {
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            // A pom has no DTD; refusing one keeps the parser from fetching or expanding anything.
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            return factory.newDocumentBuilder().parse(pom.toFile()).getDocumentElement();
        } catch (IOException | SAXException | ParserConfigurationException e) {
            throw new IllegalStateException("Cannot read " + pom + ": " + e.getMessage(), e);
        }
    }

    /**
     * @return the {@code <item>} elements of {@code project}'s direct child {@code <list>}: the project's own, not
     *         those under {@code <dependencyManagement>}, {@code <build>} or {@code <profiles>}
     */
    private static List<Element> children(Element project, String list, String item) {
        List<Element> found = new ArrayList<>();
        for (Element container : elements(project, list)) {
            found.addAll(elements(container, item));
        }
        return found;
    }

    /** @return the text of the direct child {@code name}, or {@code null} if there is none */
    private static String text(Element parent, String name) {
        List<Element> found = elements(parent, name);
        return found.isEmpty() ? null : found.get(0).getTextContent().trim();
    }

    private static List<Element> elements(Element parent, String name) {
        List<Element> found = new ArrayList<>();
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e && name.equals(e.getLocalName() != null ? e.getLocalName() : e.getTagName())) {
                found.add(e);
            }
        }
        return found;
    }
}
