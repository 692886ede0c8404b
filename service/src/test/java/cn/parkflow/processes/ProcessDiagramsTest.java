package cn.parkflow.processes;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.BaseElement;
import org.camunda.bpm.model.bpmn.instance.BoundaryEvent;
import org.camunda.bpm.model.bpmn.instance.EndEvent;
import org.camunda.bpm.model.bpmn.instance.FlowNode;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.camunda.bpm.model.bpmn.instance.SequenceFlow;
import org.camunda.bpm.model.bpmn.instance.StartEvent;
import org.camunda.bpm.model.bpmn.instance.SubProcess;
import org.camunda.bpm.model.bpmn.instance.bpmndi.BpmnEdge;
import org.camunda.bpm.model.bpmn.instance.bpmndi.BpmnLabel;
import org.camunda.bpm.model.bpmn.instance.bpmndi.BpmnShape;
import org.camunda.bpm.model.bpmn.instance.dc.Bounds;
import org.camunda.bpm.model.xml.instance.ModelElementInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/**
 * Every process model is read as Camunda Modeler and Cockpit draw it: each element has its shape or edge, ids
 * are names a person can read, no two shapes overlap, no flow runs through a shape that is not its source or
 * target, no label sits on a shape or on another label, and the main path runs from a start event on the
 * left to an end event on the right. The models are edited by hand, so this test is what keeps their
 * drawings readable.
 */
class ProcessDiagramsTest {

    /** Element ids: a capitalised name (flows end in "Flow"); process ids keep their lower-case keys. */
    private static final Pattern ELEMENT_ID = Pattern.compile("[A-Z][A-Za-z0-9]*");
    private static final Pattern FLOW_ID = Pattern.compile("[A-Z][A-Za-z0-9]*Flow");
    private static final Pattern PROCESS_KEY = Pattern.compile("[a-z]+(-[a-z]+)*");
    /** What a generator leaves behind: a run of hex digits with at least one digit in it. */
    private static final Pattern GENERATED = Pattern.compile("(?i)(?=[0-9a-f]*[0-9])[0-9a-f]{6,}");

    static Stream<String> models() throws IOException {
        Resource[] found = new PathMatchingResourcePatternResolver().getResources("classpath*:*.bpmn");
        assertThat(found).as("process models on the classpath").hasSizeGreaterThanOrEqualTo(6);
        return Arrays.stream(found).map(Resource::getFilename).sorted();
    }

    private static BpmnModelInstance read(String file) throws IOException {
        try (InputStream in = ProcessDiagramsTest.class.getResourceAsStream("/" + file)) {
            return Bpmn.readModelFromStream(in);
        }
    }

    @ParameterizedTest
    @MethodSource("models")
    void idsAreReadableNames(String file) throws IOException {
        BpmnModelInstance model = read(file);
        List<String> bad = new ArrayList<>();
        for (ModelElementInstance element : model.getModelElementsByType(model.getModel().getType(BaseElement.class))) {
            String id = ((BaseElement) element).getId();
            if (id == null) {
                continue;
            }
            boolean ok = element instanceof Process ? PROCESS_KEY.matcher(id).matches()
                    : element instanceof SequenceFlow ? FLOW_ID.matcher(id).matches()
                    : ELEMENT_ID.matcher(id).matches();
            if (!ok || GENERATED.matcher(id).find()) {
                bad.add(id);
            }
        }
        for (String id : diagramIds(model)) {
            if (GENERATED.matcher(id).find()) {
                bad.add(id);
            }
        }
        assertThat(bad).as(file + ": ids that are not readable names").isEmpty();
    }

    @ParameterizedTest
    @MethodSource("models")
    void everyElementIsDrawn(String file) throws IOException {
        BpmnModelInstance model = read(file);
        Set<String> drawn = new HashSet<>();
        model.getModelElementsByType(BpmnShape.class).forEach(s -> drawn.add(s.getBpmnElement().getId()));
        for (BpmnEdge edge : model.getModelElementsByType(BpmnEdge.class)) {
            assertThat(edge.getWaypoints()).as(file + ": waypoints of " + edge.getBpmnElement().getId()).hasSizeGreaterThanOrEqualTo(2);
            drawn.add(edge.getBpmnElement().getId());
        }
        List<String> missing = new ArrayList<>();
        model.getModelElementsByType(FlowNode.class).forEach(n -> { if (!drawn.contains(n.getId())) missing.add(n.getId()); });
        model.getModelElementsByType(SequenceFlow.class).forEach(f -> { if (!drawn.contains(f.getId())) missing.add(f.getId()); });
        assertThat(missing).as(file + ": elements without a shape or edge").isEmpty();
    }

    @ParameterizedTest
    @MethodSource("models")
    void shapesDoNotOverlap(String file) throws IOException {
        List<Drawn> shapes = shapes(read(file));
        List<String> problems = new ArrayList<>();
        for (int i = 0; i < shapes.size(); i++) {
            Drawn a = shapes.get(i);
            if (a.node instanceof BoundaryEvent boundary) {
                Box host = box(shapes, boundary.getAttachedTo());
                if (!host.hasOnBorder(a.box.centreX(), a.box.centreY())) {
                    problems.add(a.id() + " is not on the border of " + boundary.getAttachedTo().getId());
                }
            }
            for (Drawn parent : shapes) {
                if (parent.node == a.node.getParentElement() && !parent.box.contains(a.box)) {
                    problems.add(a.id() + " lies outside its " + parent.id());
                }
            }
            for (int j = i + 1; j < shapes.size(); j++) {
                Drawn b = shapes.get(j);
                if (!related(a.node, b.node) && a.box.overlaps(b.box)) {
                    problems.add(a.id() + " overlaps " + b.id());
                }
            }
        }
        assertThat(problems).as(file).isEmpty();
    }

    @ParameterizedTest
    @MethodSource("models")
    void flowsRunOnlyBetweenTheirEnds(String file) throws IOException {
        BpmnModelInstance model = read(file);
        List<Drawn> shapes = shapes(model);
        List<String> problems = new ArrayList<>();
        for (BpmnEdge edge : model.getModelElementsByType(BpmnEdge.class)) {
            SequenceFlow flow = (SequenceFlow) edge.getBpmnElement();
            List<double[]> points = edge.getWaypoints().stream().map(w -> new double[] {w.getX(), w.getY()}).toList();
            Box source = box(shapes, flow.getSource());
            Box target = box(shapes, flow.getTarget());
            if (!source.hasOnBorder(points.get(0)[0], points.get(0)[1])) {
                problems.add(flow.getId() + " does not start on the border of " + flow.getSource().getId());
            }
            double[] last = points.get(points.size() - 1);
            if (!target.hasOnBorder(last[0], last[1])) {
                problems.add(flow.getId() + " does not end on the border of " + flow.getTarget().getId());
            }
            for (Drawn shape : shapes) {
                if (shape.node == flow.getSource() || shape.node == flow.getTarget() || isAncestor(shape.node, flow)
                        || shape.node instanceof BoundaryEvent b && b.getAttachedTo() == flow.getSource()
                        || flow.getSource() instanceof BoundaryEvent b2 && b2.getAttachedTo() == shape.node) {
                    continue;
                }
                for (int k = 1; k < points.size(); k++) {
                    if (shape.box.crossedBy(points.get(k - 1), points.get(k))) {
                        problems.add(flow.getId() + " runs through " + shape.id());
                        break;
                    }
                }
            }
        }
        assertThat(problems).as(file).isEmpty();
    }

    @ParameterizedTest
    @MethodSource("models")
    void labelsSitOnNothing(String file) throws IOException {
        BpmnModelInstance model = read(file);
        List<Drawn> shapes = shapes(model);
        record Label(String of, ModelElementInstance element, Box box) {}
        List<Label> labels = new ArrayList<>();
        for (BpmnShape shape : model.getModelElementsByType(BpmnShape.class)) {
            if (shape.getBpmnLabel() != null && shape.getBpmnLabel().getBounds() != null) {
                labels.add(new Label(shape.getBpmnElement().getId(), shape.getBpmnElement(), Box.of(shape.getBpmnLabel())));
            }
        }
        for (BpmnEdge edge : model.getModelElementsByType(BpmnEdge.class)) {
            if (edge.getBpmnLabel() != null && edge.getBpmnLabel().getBounds() != null) {
                labels.add(new Label(edge.getBpmnElement().getId(), edge.getBpmnElement(), Box.of(edge.getBpmnLabel())));
            }
        }
        List<String> problems = new ArrayList<>();
        for (int i = 0; i < labels.size(); i++) {
            Label label = labels.get(i);
            for (Drawn shape : shapes) {
                if (!isAncestor(shape.node, label.element) && label.box.overlaps(shape.box)) {
                    problems.add("label of " + label.of + " lies on " + shape.id());
                }
            }
            for (int j = i + 1; j < labels.size(); j++) {
                if (label.box.overlaps(labels.get(j).box)) {
                    problems.add("label of " + label.of + " lies on the label of " + labels.get(j).of);
                }
            }
        }
        assertThat(problems).as(file).isEmpty();
    }

    @ParameterizedTest
    @MethodSource("models")
    void mainPathRunsLeftToRight(String file) throws IOException {
        BpmnModelInstance model = read(file);
        for (Process process : model.getModelElementsByType(Process.class)) {
            List<Drawn> top = shapes(model).stream().filter(d -> d.node.getParentElement() == process).toList();
            Drawn leftmost = top.stream().min((a, b) -> Double.compare(a.box.x, b.box.x)).orElseThrow();
            Drawn rightmost = top.stream().max((a, b) -> Double.compare(a.box.x + a.box.width, b.box.x + b.box.width)).orElseThrow();
            assertThat(leftmost.node).as(file + ": the leftmost shape " + leftmost.id()).isInstanceOf(StartEvent.class);
            assertThat(rightmost.node).as(file + ": the rightmost shape " + rightmost.id()).isInstanceOf(EndEvent.class);
        }
    }

    // ---- geometry

    private record Drawn(FlowNode node, Box box) {
        String id() {
            return node.getId();
        }
    }

    private record Box(double x, double y, double width, double height) {
        static Box of(BpmnShape shape) {
            return of(shape.getBounds());
        }

        static Box of(BpmnLabel label) {
            return of(label.getBounds());
        }

        static Box of(Bounds b) {
            return new Box(b.getX(), b.getY(), b.getWidth(), b.getHeight());
        }

        double centreX() {
            return x + width / 2;
        }

        double centreY() {
            return y + height / 2;
        }

        boolean overlaps(Box o) {
            return x < o.x + o.width && o.x < x + width && y < o.y + o.height && o.y < y + height;
        }

        boolean contains(Box o) {
            return o.x >= x && o.y >= y && o.x + o.width <= x + width && o.y + o.height <= y + height;
        }

        /** On the border within a pixel (a diamond's or circle's docking points lie on its box's edges). */
        boolean hasOnBorder(double px, double py) {
            boolean inside = px >= x - 1 && px <= x + width + 1 && py >= y - 1 && py <= y + height + 1;
            boolean nearEdge = Math.abs(px - x) <= 1 || Math.abs(px - x - width) <= 1
                    || Math.abs(py - y) <= 1 || Math.abs(py - y - height) <= 1;
            return inside && nearEdge;
        }

        /** Whether the segment passes through the inside of this box (touching its border is not crossing). */
        boolean crossedBy(double[] from, double[] to) {
            double[] t = {0, 1};
            double dx = to[0] - from[0];
            double dy = to[1] - from[1];
            double inset = 1;
            return clip(-dx, from[0] - (x + inset), t) && clip(dx, x + width - inset - from[0], t)
                    && clip(-dy, from[1] - (y + inset), t) && clip(dy, y + height - inset - from[1], t) && t[0] < t[1];
        }

        private static boolean clip(double p, double q, double[] t) {
            if (p == 0) {
                return q >= 0;
            }
            double r = q / p;
            if (p < 0) {
                t[0] = Math.max(t[0], r);
            } else {
                t[1] = Math.min(t[1], r);
            }
            return t[0] <= t[1];
        }
    }

    private static List<Drawn> shapes(BpmnModelInstance model) {
        List<Drawn> shapes = new ArrayList<>();
        for (BpmnShape shape : model.getModelElementsByType(BpmnShape.class)) {
            if (shape.getBpmnElement() instanceof FlowNode node) {
                shapes.add(new Drawn(node, Box.of(shape)));
            }
        }
        return shapes;
    }

    private static Box box(List<Drawn> shapes, FlowNode node) {
        return shapes.stream().filter(d -> d.node == node).findFirst().orElseThrow(() ->
                new AssertionError("no shape for " + node.getId())).box;
    }

    private static boolean related(FlowNode a, FlowNode b) {
        return isAncestor(a, b) || isAncestor(b, a)
                || a instanceof BoundaryEvent ba && ba.getAttachedTo() == b
                || b instanceof BoundaryEvent bb && bb.getAttachedTo() == a;
    }

    private static boolean isAncestor(FlowNode candidate, ModelElementInstance element) {
        if (!(candidate instanceof SubProcess)) {
            return false;
        }
        for (ModelElementInstance up = element.getParentElement(); up != null; up = up.getParentElement()) {
            if (up == candidate) {
                return true;
            }
        }
        return false;
    }

    private static Collection<String> diagramIds(BpmnModelInstance model) {
        List<String> ids = new ArrayList<>();
        model.getModelElementsByType(BpmnShape.class).forEach(s -> ids.add(s.getId()));
        model.getModelElementsByType(BpmnEdge.class).forEach(e -> ids.add(e.getId()));
        ids.add(model.getDefinitions().getId());
        return ids;
    }
}
