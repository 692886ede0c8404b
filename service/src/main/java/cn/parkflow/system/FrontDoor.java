package cn.parkflow.system;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/** {@code /} opens the portal's home page, which leads each role to its place (Camunda's own redirect is off). */
@Controller
class FrontDoor {

    @GetMapping("/")
    String home() {
        return "redirect:/portal/home.html";
    }
}
